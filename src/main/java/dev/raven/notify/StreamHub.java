package dev.raven.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.auth.Principal;
import io.javalin.http.sse.SseClient;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's open streams, and what reaches them. Streams hold no thread while idle:
 * a few dispatcher threads turn bus events into writes (reading what to send from the
 * database, so events carry no data and resume by id loses nothing, through connections
 * of their own: under write load the request pool's queue would add its wait to every
 * delivery, see docs/BENCHMARKS.md), and one scheduler
 * thread sends every stream's heartbeat and ends streams whose login session has ended
 * (one statement for all of them per beat, so a logout on any instance ends its streams).
 * Events are coalesced: news for a user with a delivery already queued joins it, and new
 * posts wait in one tally that a single statement turns into timeline counts, however many
 * posts arrived meanwhile. Only events for users with a stream here cost anything.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
    /** Notifications read per statement while catching a stream up. */
    static final int CATCH_UP_BATCH = 100;
    /** "N new posts" stops counting here. */
    static final int NEW_POSTS_CEILING = 100;
    /** IN lists are cut into pieces of this size. */
    private static final int CHUNK = 500;
    /** Dispatcher threads: deliveries are idempotent per stream, so they may run side by side. */
    private static final int DISPATCHERS = 3;
    /** The connections the hub's own pool needs: one per dispatcher, one for the counts, one for the heartbeat. */
    public static final int CONNECTIONS = DISPATCHERS + 2;

    /** The request pool: a stream's start runs on its request's thread. */
    private final Jdbi jdbi;
    /** The hub's own pool ({@link #CONNECTIONS}): deliveries, counts and heartbeats. */
    private final Jdbi own;
    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final int maxPerUser;
    private final Clock clock;
    /** stream.timing: each notification event is preceded by ": at <heard µs> <written µs>". */
    private final boolean timing;
    private final Map<Long, Set<LiveStream>> byUser = new ConcurrentHashMap<>();
    /** Users with a delivery queued, and when its first event was heard (µs): more news for them joins it. */
    private final Map<Long, Long> newsQueued = new ConcurrentHashMap<>();
    /** New posts by author not yet counted into timelines, and whether a count is queued. */
    private final Map<Long, Integer> postsQueued = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean timelineQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService dispatcher;
    /** New-post counts run apart: under write load they run all the time, and notifications must not wait behind them. */
    private final ExecutorService counts;
    private final ScheduledExecutorService beats;
    private volatile boolean closed;

    public StreamHub(Jdbi jdbi, Jdbi own, EventBus bus, ObjectMapper mapper, Duration heartbeat, int maxPerUser,
                     Clock clock, boolean timing) {
        this.jdbi = jdbi;
        this.own = own;
        this.mapper = mapper;
        this.heartbeat = heartbeat;
        this.maxPerUser = maxPerUser;
        this.clock = clock;
        this.timing = timing;
        this.dispatcher = Executors.newFixedThreadPool(DISPATCHERS, daemon("raven-stream-events"));
        this.counts = Executors.newSingleThreadExecutor(daemon("raven-stream-counts"));
        this.beats = Executors.newSingleThreadScheduledExecutor(daemon("raven-stream-heartbeat"));
        bus.deliverTo(this::onEvent);
        long millis = heartbeat.toMillis();
        beats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Takes a place for a new stream of this user; null when they have the most allowed open already. */
    LiveStream reserve(Principal principal) {
        if (closed) {
            return null;
        }
        LiveStream stream = new LiveStream(principal);
        boolean[] taken = {false};
        byUser.compute(principal.userId(), (user, streams) -> {
            Set<LiveStream> set = streams == null ? new CopyOnWriteArraySet<>() : streams;
            if (set.size() < maxPerUser) {
                set.add(stream);
                taken[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        return taken[0] ? stream : null;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * The stream's start: from here on it gets events. First it catches up: notifications
     * after the client's Last-Event-ID (or none, for a new stream), the unread count, and the
     * home timeline's new posts after {@code sinceTweetId}, if the client named one.
     */
    void start(LiveStream stream, SseClient client, Long lastEventId, Long sinceTweetId) {
        stream.attach(client);
        client.onClose(() -> remove(stream));
        try {
            begin(stream, lastEventId, sinceTweetId);
        } catch (RuntimeException e) {
            log.warn("Stream of user {} could not start: {}", stream.userId(), e.getMessage());
            stream.close();
            remove(stream);
        }
    }

    private void begin(LiveStream stream, Long lastEventId, Long sinceTweetId) {
        long user = stream.userId();
        int newPosts = sinceTweetId == null ? 0 : jdbi.withExtension(NotificationDao.class,
                dao -> dao.newTimelineTweets(user, sinceTweetId, NEW_POSTS_CEILING));
        synchronized (stream) {
            stream.lastSent = lastEventId != null ? lastEventId
                    : jdbi.withExtension(NotificationDao.class, dao -> dao.newestId(user));
            stream.newPosts = newPosts;
            stream.ready = true;
        }
        stream.comment("ready");
        deliverNews(stream, jdbi, 0);
        if (sinceTweetId != null) {
            stream.send("timeline", "{\"count\":" + newPosts + "}", null);
        }
        if (closed) {
            stream.close();
        }
    }

    void remove(LiveStream stream) {
        byUser.computeIfPresent(stream.userId(), (user, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many streams are open here (for tests and the benchmark's report). */
    public int openStreams() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void onEvent(String event) {
        if (closed) {
            return;
        }
        try {
            if (event.equals(EventBus.RESYNC)) {
                dispatcher.execute(() -> byUser.values().forEach(set -> set.forEach(s -> deliverNewsSafely(s, 0))));
            } else if (event.startsWith("n:")) {
                long user = Long.parseLong(event.substring(2));
                if (byUser.containsKey(user) && newsQueued.putIfAbsent(user, timing ? micros() : 0) == null) {
                    dispatcher.execute(() -> {
                        long heard = newsQueued.remove(user);
                        Set<LiveStream> streams = byUser.get(user);
                        if (streams != null) {
                            streams.forEach(s -> deliverNewsSafely(s, heard));
                        }
                    });
                }
            } else if (event.startsWith("t:") && !byUser.isEmpty()) {
                postsQueued.merge(Long.parseLong(event.split(":")[1]), 1, Integer::sum);
                if (timelineQueued.compareAndSet(false, true)) {
                    counts.execute(this::countNewPosts);
                }
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("Stream event {} not delivered: {}", event, e.getMessage());
        }
    }

    private void deliverNewsSafely(LiveStream stream, long heard) {
        try {
            deliverNews(stream, own, heard);
        } catch (RuntimeException e) {
            log.warn("Stream of user {} not caught up: {}", stream.userId(), e.getMessage());
        }
    }

    /**
     * New notifications since the last one sent, in id order, then the unread count.
     * {@code heard}: when the event that asked for this was heard (µs; 0 at a start or resync).
     * Each batch and the count are read with one connection, and written after it is handed
     * back, so a slow client never holds a connection.
     */
    private void deliverNews(LiveStream stream, Jdbi db, long heard) {
        synchronized (stream) {
            if (!stream.ready || stream.closed) {
                return;
            }
            long user = stream.userId();
            News news;
            do {
                long after = stream.lastSent;
                news = db.withExtension(NotificationDao.class, dao -> {
                    List<NotificationRow> rows = dao.after(user, after, CATCH_UP_BATCH);
                    // The count only after the last batch: it is sent after every notification.
                    int unread = rows.size() < CATCH_UP_BATCH ? dao.unread(user, Notifications.UNREAD_CEILING) : -1;
                    return new News(rows, unread);
                });
                for (NotificationRow row : news.rows()) {
                    if (timing && heard > 0) {
                        stream.comment("at " + heard + " " + micros());
                    }
                    if (!stream.send("notification", json(row.toNotification()), Long.toString(row.id()))) {
                        return;
                    }
                    stream.lastSent = row.id();
                }
            } while (news.unread() < 0);
            stream.send("unread", "{\"count\":" + news.unread() + "}", null);
        }
    }

    /** A batch of notifications to send, and the unread count after the last batch (else -1). */
    private record News(List<NotificationRow> rows, int unread) {
    }

    /** The posts tallied since the last count: their authors' followers with streams here hear how many. */
    private void countNewPosts() {
        timelineQueued.set(false);
        Map<Long, Integer> posts = new java.util.HashMap<>();
        for (Long author : new ArrayList<>(postsQueued.keySet())) {
            Integer n = postsQueued.remove(author);
            if (n != null) {
                posts.put(author, n);
            }
        }
        List<Long> users = new ArrayList<>(byUser.keySet());
        if (posts.isEmpty() || users.isEmpty()) {
            return;
        }
        List<Long> authors = new ArrayList<>(posts.keySet());
        try {
            for (int a = 0; a < authors.size(); a += CHUNK) {
                List<Long> authorChunk = authors.subList(a, Math.min(authors.size(), a + CHUNK));
                for (int i = 0; i < users.size(); i += CHUNK) {
                    List<Long> chunk = users.subList(i, Math.min(users.size(), i + CHUNK));
                    for (NotificationDao.FollowPair pair : own.withExtension(NotificationDao.class,
                            dao -> dao.followsAmong(authorChunk, chunk))) {
                        addNewPosts(pair.followerId(), posts.get(pair.followedId()));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("New posts not counted into {} timelines: {}", users.size(), e.getMessage());
        }
    }

    private void addNewPosts(long follower, int count) {
        Set<LiveStream> streams = byUser.get(follower);
        if (streams == null) {
            return;
        }
        for (LiveStream stream : streams) {
            synchronized (stream) {
                if (!stream.ready) {
                    continue;
                }
                stream.newPosts = Math.min(NEW_POSTS_CEILING, stream.newPosts + count);
                stream.send("timeline", "{\"count\":" + stream.newPosts + "}", null);
            }
        }
    }

    /** Heartbeats, and the end of streams whose session ended (logout, logout_all, password change, deletion). */
    private void beat() {
        try {
            List<LiveStream> all = new ArrayList<>();
            byUser.values().forEach(all::addAll);
            if (all.isEmpty()) {
                return;
            }
            List<Long> sessions = all.stream().map(s -> s.principal.sessionId()).distinct().toList();
            Set<Long> live = new HashSet<>();
            java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < sessions.size(); i += CHUNK) {
                List<Long> chunk = sessions.subList(i, Math.min(sessions.size(), i + CHUNK));
                live.addAll(own.withExtension(NotificationDao.class, dao -> dao.liveSessions(chunk, now)));
            }
            for (LiveStream stream : all) {
                if (!live.contains(stream.principal.sessionId())) {
                    stream.send("end", "{\"reason\":\"session_ended\"}", null);
                    stream.close();
                    remove(stream);
                } else if (!stream.comment("")) {
                    stream.close();
                    remove(stream);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Stream heartbeat failed: {}", e.getMessage());
        }
    }

    private long micros() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Duration heartbeat() {
        return heartbeat;
    }

    /** Ends every stream at once (shutdown must not wait for them) and stops taking new ones. */
    @Override
    public void close() {
        closed = true;
        beats.shutdownNow();
        dispatcher.shutdownNow();
        counts.shutdownNow();
        byUser.values().forEach(set -> set.forEach(LiveStream::close));
        byUser.clear();
    }
}
