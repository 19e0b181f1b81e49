package dev.raven.timeline;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the write paths call, inside their own transaction, when they change a timeline's
 * source rows. Each call queues a job in that transaction (so it is as durable as the
 * change) and wakes this instance's worker once the transaction commits. The per-post writes
 * are plain statements: attaching {@link TimelineWriteDao} cost more than the writes
 * themselves (18% of the server's CPU per post on PostgreSQL, in a profile).
 */
public final class FanOut {
    private FanOut() {
    }

    /** A new tweet: its author sees it at once; their followers once the worker delivers it. */
    public static void tweetPosted(Handle h, long authorUserId, long tweetId, Instant createdAt) {
        if (!h.getConfig(FanOutSignal.class).enabled()) {
            return;
        }
        h.createUpdate(TimelineWriteDao.INSERT_OWN).bind("reader", authorUserId).bind("at", createdAt)
                .bind("tweet", tweetId).execute();
        queue(h, JobKind.TWEET, authorUserId, tweetId);
    }

    /**
     * {@link #tweetPosted} as part of the PostgreSQL statement that inserts the tweet, a round
     * trip less per post: WITH entries (after a comma) for the tweet its entry {@code posted}
     * returns (id, user_id, created_at), or "" where fan-out is off. Call it only for the
     * statement about to run in {@code h}'s transaction: the worker wakes when that commits.
     */
    public static String tweetPostedEntries(Handle h) {
        FanOutSignal signal = h.getConfig(FanOutSignal.class);
        if (!signal.enabled()) {
            return "";
        }
        h.afterCommit(signal::queued);
        return ", " + TimelineWriteDao.OWN_AND_JOB_OF_POSTED;
    }

    public static void retweeted(Handle h, long retweeterUserId, long tweetId) {
        queue(h, JobKind.RETWEET, retweeterUserId, tweetId);
    }

    public static void unretweeted(Handle h, long retweeterUserId, long tweetId) {
        queue(h, JobKind.UNRETWEET, retweeterUserId, tweetId);
    }

    public static void followed(Handle h, long readerUserId, long followedUserId) {
        queue(h, JobKind.FOLLOW, readerUserId, followedUserId);
    }

    public static void unfollowed(Handle h, long readerUserId, long followedUserId) {
        queue(h, JobKind.UNFOLLOW, readerUserId, followedUserId);
    }

    /**
     * Before an account is deleted: its own rows, its tweets' rows and the rows its retweets
     * put into other timelines (home_timelines has no foreign keys, see V11; its horizon
     * goes by ON DELETE CASCADE). Whether fan-out is on or not: a rebuild when it is turned
     * on again only clears the timelines of accounts that still exist.
     */
    public static void accountRemoving(Handle h, long userId) {
        TimelineWriteDao dao = h.attach(TimelineWriteDao.class);
        dao.clear(userId);
        dao.removeTweetsOf(userId);
        dao.removeRetweetsOf(userId);
    }

    /**
     * A reader whose rows are not kept ({@link DormantReaders}) reads their timeline: from now
     * on their rows are kept, and a rebuild job fills in the older ones. Until it has run, their
     * pages older than now come from the pull query. Nothing when they are awake.
     */
    public static void readerReturned(Handle h, long readerUserId, Instant now) {
        if (!h.getConfig(FanOutSignal.class).enabled()) {
            return;
        }
        h.useTransaction(tx -> {
            if (tx.attach(TimelineWriteDao.class).wake(readerUserId, now, TimelineWriter.NOT_BUILT) > 0) {
                queue(tx, JobKind.REBUILD, readerUserId, 0);
            }
        });
    }

    /** Whether a horizon says the reader's rows are not kept (asleep, or not built yet). */
    public static boolean notBuilt(Instant horizon) {
        return TimelineWriter.NOT_BUILT.equals(horizon);
    }

    /** Before a tweet is deleted: its rows in every timeline (no foreign key, see V11). */
    public static void tweetRemoving(Handle h, long tweetId) {
        h.createUpdate(TimelineWriteDao.REMOVE_TWEET).bind("tweet", tweetId).execute();
    }

    private static void queue(Handle h, JobKind kind, long userId, long subjectId) {
        FanOutSignal signal = h.getConfig(FanOutSignal.class);
        if (!signal.enabled()) {
            return; // timeline.fanout=false: pages use the pull query
        }
        h.createUpdate(TimelineWriteDao.ENQUEUE).bind("kind", kind.dbName).bind("user", userId)
                .bind("subject", subjectId).bind("now", Instant.now().truncatedTo(ChronoUnit.MICROS)).execute();
        h.afterCommit(signal::queued);
    }
}
