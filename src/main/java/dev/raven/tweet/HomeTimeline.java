package dev.raven.tweet;

import dev.raven.db.WriteEpoch;
import dev.raven.http.Paging;
import dev.raven.timeline.FanOut;
import dev.raven.timeline.FanOutSignal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * GET tweets_list/: the caller's tweets, tweets of everyone they follow, and tweets those
 * people retweeted (with retweeted_by), each tweet once, newest activity first.
 *
 * <p>A page is read from the reader's fanned-out rows (home_timelines, kept by
 * {@link dev.raven.timeline.FanOut}): one short index range, each row checked against the
 * live tables, merged with the streams of followed accounts that are not fanned out. Those
 * rows are complete from the reader's horizon on; a page that reaches below it (deep
 * pages, accounts not built yet) is read with the pull query, {@link #pullEntries}.
 *
 * <p>The pull query reads every stream's rows inside a time window that ends at the
 * cursor, so what it reads grows with the activity of the followed accounts in that
 * window (about a page's worth), not with the size of the tables. The first window is a
 * day; if it holds less than a page, a second is sized from the density the first one
 * saw, and only then is the rest of history read. So a page costs at most three page
 * queries plus two (tweets, retweeters), whatever its size, plus the two or three that
 * try the fanned-out rows first.
 *
 * <p>Where the {@link TimelineCache} is on, a page
 * within a recent reader's first items needs no page query at all; the first page of a
 * reader it does not hold loads them (one query more than the pull, once).
 */
public final class HomeTimeline {
    /** Older than any tweet: the lower bound of the last, unbounded window. */
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");
    private static final Duration FIRST_WINDOW = Duration.ofDays(1);
    /** A second window longer than this might as well be all of history. */
    private static final Duration LONGEST_WINDOW = Duration.ofDays(5 * 365);

    /** How long a read waits for this instance's queued fan-out (read-your-writes), at most. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TimelineCache cache;

    public HomeTimeline(Jdbi jdbi, Clock clock, TimelineCache cache) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cache = cache;
    }

    List<TimelineItem> page(long viewerUserId, Paging.PageRequest page,
                            UnaryOperator<List<TimelineDao.Entry>> pager) {
        FanOutSignal fanOut = jdbi.getConfig(FanOutSignal.class);
        // Everything this instance acknowledged before the request shows (no connection held meanwhile).
        fanOut.awaitDelivered(DELIVERY_WAIT);
        return jdbi.withHandle(h -> {
            List<TimelineDao.Entry> entries = pager.apply(cachedEntries(h, viewerUserId, page));

            List<Tweet> tweets = TweetAccess.hydrate(h, viewerUserId,
                    entries.stream().map(TimelineDao.Entry::tweetId).toList());
            Map<Long, TimelineItem.RetweetedBy> retweeters = TimelineItem.RetweetedBy.byIds(h,
                    entries.stream().map(TimelineDao.Entry::retweeterId).filter(Objects::nonNull).distinct().toList());

            Map<Long, Tweet> byId = new HashMap<>();
            tweets.forEach(t -> byId.put(t.tweetId(), t));
            List<TimelineItem> items = new ArrayList<>(entries.size());
            for (TimelineDao.Entry e : entries) {
                Tweet tweet = byId.get(e.tweetId());
                if (tweet != null) {
                    items.add(new TimelineItem(tweet, e.retweeterId() == null ? null : retweeters.get(e.retweeterId())));
                }
            }
            return items;
        });
    }

    /** The page's entries from the cache; a first page not held there loads the reader into it. */
    private List<TimelineDao.Entry> cachedEntries(Handle h, long viewer, Paging.PageRequest page) {
        if (cache.isEnabled()) {
            WriteEpoch.check(h); // on PostgreSQL: another instance's writes first empty the cache
        }
        Optional<List<TimelineDao.Entry>> held = cache.page(viewer, page);
        if (held.isPresent()) {
            return held.get();
        }
        TimelineDao dao = new TimelineDao(h);
        TimelineCache.Loading loading = page.after() == null ? cache.startLoading(viewer) : null;
        if (loading == null) {
            return entries(dao, viewer, page);
        }
        List<TimelineDao.Entry> first;
        try {
            if (jdbi.getConfig(FanOutSignal.class).enabled() && dao.fanOutPending()) {
                // Fanned-out rows may lack a post acknowledged already (on any instance), and a
                // timeline held without it would stay so: read, but do not hold, until the queue is empty.
                cache.abandon(viewer, loading);
                return entries(dao, viewer, page);
            }
            cache.followeesRead(viewer, loading,
                    dao.followedNotMuted(viewer).stream().mapToLong(Long::longValue).toArray());
            first = entries(dao, viewer, new Paging.PageRequest(cache.maxItems(), null));
        } catch (RuntimeException e) {
            cache.abandon(viewer, loading);
            throw e;
        }
        cache.finishLoading(viewer, loading, first);
        boolean whole = first.size() <= cache.maxItems(); // else there is at least one row more
        if (whole || first.size() >= page.fetchSize()) {
            return first.subList(0, Math.min(first.size(), page.fetchSize()));
        }
        return entries(dao, viewer, page); // a page longer than the cache keeps
    }

    /**
     * The page's entries (one more than the page, if there are): fanned out where they are
     * complete, else by the pull query.
     */
    List<TimelineDao.Entry> entries(TimelineDao dao, long viewer, Paging.PageRequest page) {
        if (!jdbi.getConfig(FanOutSignal.class).enabled()) {
            return pullEntries(dao, viewer, page);
        }
        TimelineDao.ReaderState state = dao.readerState(viewer);
        Instant horizon = state.completeFrom() == null ? BEGINNING : state.completeFrom();
        if (horizon.isAfter(clock.instant()) || page.beforeAt().isBefore(horizon)) {
            if (FanOut.notBuilt(horizon)) {
                FanOut.readerReturned(dao.handle(), viewer, clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
            return pullEntries(dao, viewer, page);
        }
        int wanted = page.fetchSize();
        List<TimelineDao.Entry> rows = dao.fannedOut(viewer, page.beforeAt(), page.beforeId(), wanted);
        if (state.followsPulled()) {
            // Only pulled items newer than the last fanned-out one can make it onto the page.
            Instant since = rows.size() >= wanted ? rows.get(rows.size() - 1).activityAt() : horizon;
            rows = newestFirst(rows, dao.pulled(viewer, since, page.beforeAt(), page.beforeId(), wanted), wanted);
        }
        boolean complete = rows.size() >= wanted
                ? !rows.get(wanted - 1).activityAt().isBefore(horizon)
                : horizon.equals(BEGINNING);
        return complete ? rows : pullEntries(dao, viewer, page);
    }

    /** Both lists merged newest first, an item found in both once, cut to {@code wanted}. */
    private static List<TimelineDao.Entry> newestFirst(List<TimelineDao.Entry> a, List<TimelineDao.Entry> b,
                                                       int wanted) {
        LinkedHashSet<TimelineDao.Entry> both = new LinkedHashSet<>(a);
        both.addAll(b);
        List<TimelineDao.Entry> all = new ArrayList<>(both);
        all.sort(Comparator.comparing(TimelineDao.Entry::activityAt).thenComparing(TimelineDao.Entry::tweetId)
                .reversed());
        return all.size() > wanted ? all.subList(0, wanted) : all;
    }

    /**
     * The pull query: the page's entries from the followed accounts' own tables, reading as
     * short a stretch of time as holds a full page.
     */
    List<TimelineDao.Entry> pullEntries(TimelineDao dao, long viewer, Paging.PageRequest page) {
        Instant now = clock.instant();
        Instant top = page.beforeAt().isAfter(now) ? now : page.beforeAt();
        int wanted = page.fetchSize();

        List<TimelineDao.Entry> rows = dao.page(viewer, top.minus(FIRST_WINDOW), page.beforeAt(), page.beforeId(), wanted);
        if (rows.size() >= wanted) {
            return rows;
        }
        // Twice the window the first one's density suggests; a month's worth if it saw nothing.
        Duration second = rows.isEmpty() ? FIRST_WINDOW.multipliedBy(30)
                : FIRST_WINDOW.multipliedBy(2L * wanted / rows.size() + 1);
        if (second.compareTo(LONGEST_WINDOW) < 0) {
            rows = dao.page(viewer, top.minus(second), page.beforeAt(), page.beforeId(), wanted);
            if (rows.size() >= wanted) {
                return rows;
            }
        }
        return dao.page(viewer, BEGINNING, page.beforeAt(), page.beforeId(), wanted);
    }

    static Paging.Cursor cursor(TimelineDao.Entry entry) {
        return new Paging.Cursor(entry.activityAt(), entry.tweetId());
    }
}
