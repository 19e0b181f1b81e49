package dev.raven.tweet;

import dev.raven.http.Paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest items of recent readers' home timelines, in memory, so that their first pages
 * need no timeline query: fan-out on write into the process's memory (Mastodon keeps the same
 * lists in Redis). Writes by other instances sharing PostgreSQL empty it before the next
 * page ({@link dev.raven.db.WriteEpoch}).
 *
 * <p>A reader's entry holds the first {@code items} items of their timeline exactly as the
 * pull query orders them (a prefix: nothing missing in between), and the people whose posts
 * reach it. A new tweet is inserted into the entries of its author and of the readers who
 * follow them; a retweet drops the entries of the retweeter's followers (it can move or hide
 * a row, so they are read again); every other change that can alter a timeline (see
 * {@link TimelineWrites}) drops them all. A page the prefix cannot answer is read with the
 * pull query. Readers beyond {@code readers} are forgotten least recently read first.
 *
 * <p>A load runs without the lock, so a write may land between its query and its install: a
 * load first puts a {@link Loading} marker, every change removes the markers it could touch,
 * and a load installs only over its own marker.
 */
public final class TimelineCache {
    private final int maxReaders;
    private final int maxItems;
    /** Guarded by this. Access order: the eldest entry is the least recently read. */
    private final LinkedHashMap<Long, Object> readers;
    private long pagesServed; // guarded by this

    private TimelineCache(int maxReaders, int maxItems) {
        this.maxReaders = maxReaders;
        this.maxItems = maxItems;
        this.readers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
                return size() > TimelineCache.this.maxReaders;
            }
        };
    }

    /** Keeps the first {@code items} items of up to {@code readers} timelines; 0 readers: none. */
    public static TimelineCache of(int readers, int items) {
        return new TimelineCache(readers, items);
    }

    public static TimelineCache disabled() {
        return new TimelineCache(0, 0);
    }

    public boolean isEnabled() {
        return maxReaders > 0;
    }

    int maxItems() {
        return maxItems;
    }

    /** The page from memory, or empty when the reader is not held or the prefix is too short for it. */
    Optional<List<TimelineDao.Entry>> page(long reader, Paging.PageRequest page) {
        if (!isEnabled()) {
            return Optional.empty(); // PostgreSQL: no lock taken on every home page for nothing
        }
        synchronized (this) {
            Optional<List<TimelineDao.Entry>> rows = readers.get(reader) instanceof Feed feed ? feed.page(page)
                    : Optional.empty();
            if (rows.isPresent()) {
                pagesServed++;
            }
            return rows;
        }
    }

    /** Pages served from memory since start (for tests and the curious). */
    public synchronized long pagesServed() {
        return pagesServed;
    }

    /** Starts loading a reader who is not held; null if they are (or a load is under way). */
    synchronized Loading startLoading(long reader) {
        if (!isEnabled() || readers.containsKey(reader)) {
            return null;
        }
        Loading loading = new Loading();
        readers.put(reader, loading);
        return loading;
    }

    /** The people whose posts reach the reader, read after {@link #startLoading}; sorted by the caller. */
    synchronized void followeesRead(long reader, Loading loading, long[] shownFollowees) {
        if (readers.get(reader) == loading) {
            loading.followees = shownFollowees;
        }
    }

    /**
     * Keeps what the load read, unless a change that could touch this reader came since it
     * started. {@code rows} are the first rows of the timeline, up to one more than kept.
     */
    synchronized void finishLoading(long reader, Loading loading, List<TimelineDao.Entry> rows) {
        if (readers.get(reader) != loading || loading.followees == null) {
            return;
        }
        readers.put(reader, Feed.of(reader, loading.followees, rows, maxItems));
    }

    /** Gives up a load that failed. */
    synchronized void abandon(long reader, Loading loading) {
        readers.remove(reader, loading);
    }

    /** A committed new tweet: first in its author's timeline and their followers'. */
    public synchronized void tweetPosted(long authorUserId, long tweetId, Instant createdAt) {
        if (!isEnabled()) {
            return;
        }
        long at = micros(createdAt);
        Iterator<Map.Entry<Long, Object>> it = readers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Object> e = it.next();
            if (e.getValue() instanceof Feed feed) {
                if (feed.reaches(authorUserId) && !feed.insert(tweetId, at)) {
                    it.remove();
                }
            } else if (((Loading) e.getValue()).mayReach(e.getKey(), authorUserId)) {
                it.remove();
            }
        }
    }

    /** A committed retweet or un-retweet: the retweeter's followers read their timelines again. */
    public synchronized void retweetChanged(long retweeterUserId) {
        if (!isEnabled()) {
            return;
        }
        Iterator<Map.Entry<Long, Object>> it = readers.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Object> e = it.next();
            boolean touched = e.getValue() instanceof Feed feed ? feed.follows(retweeterUserId)
                    : ((Loading) e.getValue()).mayReach(e.getKey(), retweeterUserId);
            if (touched) {
                it.remove();
            }
        }
    }

    /** Anything else that can change timelines (follows, blocks, deletes, suspensions...). */
    public synchronized void invalidateAll() {
        readers.clear();
    }

    /** Instants as the database keeps them (microseconds), so cursors compare alike. */
    static long micros(Instant at) {
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, at);
        } catch (ArithmeticException e) { // a cursor beyond any tweet: it sorts after (or before) them all
            return at.isAfter(Instant.EPOCH) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** A load under way: its reader's followees once read. */
    static final class Loading {
        private long[] followees;

        boolean mayReach(long reader, long author) {
            return followees == null || reader == author || Arrays.binarySearch(followees, author) >= 0;
        }
    }

    /**
     * One reader's first items, newest first by (activity time, tweet id), in parallel arrays
     * (24 bytes an item). {@code complete}: the timeline has no items beyond these.
     */
    static final class Feed {
        private final long reader;
        private final long[] followees;
        private final int capacity;
        private long[] tweetIds;
        private long[] atMicros;
        private long[] retweeters; // 0: the tweet itself, not a retweet
        private int size;
        private boolean complete;

        private Feed(long reader, long[] followees, int capacity) {
            this.reader = reader;
            this.followees = followees;
            this.capacity = capacity;
        }

        static Feed of(long reader, long[] followees, List<TimelineDao.Entry> rows, int capacity) {
            Feed feed = new Feed(reader, followees, capacity);
            int n = Math.min(rows.size(), capacity);
            feed.tweetIds = new long[n];
            feed.atMicros = new long[n];
            feed.retweeters = new long[n];
            for (int i = 0; i < n; i++) {
                TimelineDao.Entry row = rows.get(i);
                feed.tweetIds[i] = row.tweetId();
                feed.atMicros[i] = micros(row.activityAt());
                feed.retweeters[i] = row.retweeterId() == null ? 0 : row.retweeterId();
            }
            feed.size = n;
            feed.complete = rows.size() <= capacity;
            return feed;
        }

        /** Whether the author's posts reach this timeline: their own, or someone they follow (not muted). */
        boolean reaches(long author) {
            return author == reader || follows(author);
        }

        boolean follows(long user) {
            return Arrays.binarySearch(followees, user) >= 0;
        }

        /**
         * Puts a new tweet in its place. False if the entry cannot stay exact (the tweet is
         * already there, which a new tweet never is): the caller drops it.
         */
        boolean insert(long tweetId, long at) {
            int pos = 0;
            while (pos < size && (atMicros[pos] > at || (atMicros[pos] == at && tweetIds[pos] > tweetId))) {
                pos++;
            }
            for (int i = 0; i < size; i++) {
                if (tweetIds[i] == tweetId) {
                    return false;
                }
            }
            if (pos == size && !complete) {
                return true; // beyond the prefix: the pull query serves it
            }
            if (size == capacity) { // full: the last item leaves the prefix
                complete = false;
                if (pos == size) {
                    return true;
                }
                size--;
            } else if (size == tweetIds.length) {
                int grown = Math.min(capacity, Math.max(4, size * 2));
                tweetIds = Arrays.copyOf(tweetIds, grown);
                atMicros = Arrays.copyOf(atMicros, grown);
                retweeters = Arrays.copyOf(retweeters, grown);
            }
            System.arraycopy(tweetIds, pos, tweetIds, pos + 1, size - pos);
            System.arraycopy(atMicros, pos, atMicros, pos + 1, size - pos);
            System.arraycopy(retweeters, pos, retweeters, pos + 1, size - pos);
            tweetIds[pos] = tweetId;
            atMicros[pos] = at;
            retweeters[pos] = 0;
            size++;
            return true;
        }

        /** The rows after the page's cursor, up to its fetch size, if the prefix holds them all. */
        Optional<List<TimelineDao.Entry>> page(Paging.PageRequest page) {
            long beforeAt = page.after() == null ? Long.MAX_VALUE : micros(page.beforeAt());
            long beforeId = page.beforeId();
            int from = 0;
            while (from < size && (atMicros[from] > beforeAt || (atMicros[from] == beforeAt && tweetIds[from] >= beforeId))) {
                from++;
            }
            int to = Math.min(size, from + page.fetchSize());
            if (to - from < page.fetchSize() && !complete) {
                return Optional.empty();
            }
            List<TimelineDao.Entry> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                rows.add(new TimelineDao.Entry(tweetIds[i], instant(atMicros[i]), retweeters[i] == 0 ? null : retweeters[i]));
            }
            return Optional.of(rows);
        }
    }
}
