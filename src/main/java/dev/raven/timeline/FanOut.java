package dev.raven.timeline;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the write paths call, inside their own transaction, when they change a timeline's
 * source rows. Each call queues a job in that transaction (so it is as durable as the
 * change) and wakes this instance's worker once the transaction commits.
 */
public final class FanOut {
    private FanOut() {
    }

    /** A new tweet: its author sees it at once; their followers once the worker delivers it. */
    public static void tweetPosted(Handle h, long authorUserId, long tweetId, Instant createdAt) {
        if (!h.getConfig(FanOutSignal.class).enabled()) {
            return;
        }
        h.attach(TimelineWriteDao.class).insertOwn(authorUserId, tweetId, createdAt);
        queue(h, JobKind.TWEET, authorUserId, tweetId);
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
     * Before an account is deleted. Its own rows, its tweets' rows and its horizon go by ON
     * DELETE CASCADE; the rows its retweets put into other timelines are removed here.
     */
    public static void accountRemoving(Handle h, long userId) {
        if (h.getConfig(FanOutSignal.class).enabled()) { // off: the tables are rebuilt when it is turned on
            h.attach(TimelineWriteDao.class).removeRetweetsOf(userId);
        }
    }

    private static void queue(Handle h, JobKind kind, long userId, long subjectId) {
        FanOutSignal signal = h.getConfig(FanOutSignal.class);
        if (!signal.enabled()) {
            return; // timeline.fanout=false: pages use the pull query
        }
        h.attach(TimelineWriteDao.class).enqueue(kind.dbName, userId, subjectId,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        h.afterCommit(signal::queued);
    }
}
