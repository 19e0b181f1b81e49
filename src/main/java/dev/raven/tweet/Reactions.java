package dev.raven.tweet;

import dev.raven.block.Relations;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.Message;
import dev.raven.notify.Kind;
import dev.raven.notify.Notice;
import dev.raven.notify.Notifications;
import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Likes, saves and retweets. Each change first locks the tweet row, so concurrent changes
 * to one tweet run one after another: the row and the counters always move together, and
 * the primary key makes a duplicate impossible even if they did not.
 */
public final class Reactions {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Notifications notifications;
    private final TimelineCache timelines;

    public Reactions(Jdbi jdbi, Clock clock, Notifications notifications, TimelineCache timelines) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.notifications = notifications;
        this.timelines = timelines;
    }

    /** PUT liked_tweets_list/:id/ and saved_tweets_list/:id/: adds if absent, removes if present. */
    Message toggle(long viewerUserId, long tweetId, Reaction reaction) {
        String list = reaction == Reaction.LIKE ? "liked tweets" : "saved tweets";
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            boolean removed = h.attach(ReactionDao.class).delete(reaction.table, tweetId, viewerUserId) == 1;
            if (removed) {
                uncount(h, reaction, tweetId, viewerUserId);
                if (reaction == Reaction.LIKE) {
                    notifications.withdrawOnTweet(h, Kind.LIKE, viewerUserId, tweet.userId(), tweetId);
                }
            } else {
                Relations.requireNoBlock(h, viewerUserId, tweet.userId());
                add(h, reaction, tweetId, viewerUserId);
                if (reaction == Reaction.LIKE) {
                    notifications.notify(h, Notice.onTweet(Kind.LIKE, viewerUserId, tweet.userId(), tweetId));
                }
            }
            return new Message("tweet with id " + tweetId + (removed ? " removed from " : " added to ") + list);
        });
    }

    /** POST retweet_list/:id/. */
    Message retweet(long viewerUserId, long tweetId) {
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            Relations.requireNoBlock(h, viewerUserId, tweet.userId());
            if (h.attach(ReactionDao.class).exists(Reaction.RETWEET.table, tweetId, viewerUserId)) {
                throw ApiException.conflict("already_retweeted", "Already retweeted");
            }
            add(h, Reaction.RETWEET, tweetId, viewerUserId);
            FanOut.retweeted(h, viewerUserId, tweetId);
            notifications.timeline(h, viewerUserId, tweetId);
            h.afterCommit(() -> timelines.retweetChanged(viewerUserId));
            notifications.notify(h, Notice.onTweet(Kind.RETWEET, viewerUserId, tweet.userId(), tweetId));
            return new Message("tweet with id " + tweetId + " retweeted");
        });
    }

    /** DELETE retweet_list/:id/. */
    Message unretweet(long viewerUserId, long tweetId) {
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            if (h.attach(ReactionDao.class).delete(Reaction.RETWEET.table, tweetId, viewerUserId) == 0) {
                throw ApiException.notFound("You have not retweeted this tweet.");
            }
            uncount(h, Reaction.RETWEET, tweetId, viewerUserId);
            FanOut.unretweeted(h, viewerUserId, tweetId);
            notifications.withdrawOnTweet(h, Kind.RETWEET, viewerUserId, tweet.userId(), tweetId);
            return new Message("tweet with id " + tweetId + " un-retweeted");
        });
    }

    private void add(Handle h, Reaction reaction, long tweetId, long userId) {
        ReactionDao dao = h.attach(ReactionDao.class);
        dao.insert(reaction.table, tweetId, userId, now());
        dao.count(reaction.counter, tweetId, 1);
        if (reaction == Reaction.LIKE) {
            dao.countLikesBy(userId, 1);
        }
    }

    private static void uncount(Handle h, Reaction reaction, long tweetId, long userId) {
        ReactionDao dao = h.attach(ReactionDao.class);
        dao.count(reaction.counter, tweetId, -1);
        if (reaction == Reaction.LIKE) {
            dao.countLikesBy(userId, -1);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
