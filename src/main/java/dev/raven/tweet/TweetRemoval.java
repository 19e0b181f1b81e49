package dev.raven.tweet;

import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Handle;

/**
 * Deleting tweets, and a user's whole social footprint, with every counter that counted
 * them corrected in the caller's transaction. The rows themselves go by ON DELETE CASCADE,
 * except the tweet's home timeline rows ({@link FanOut#tweetRemoving}).
 */
public final class TweetRemoval {

    /** Deletes one (locked) tweet with its likes, saves, retweets, and its replies and their likes. */
    static void removeTweet(Handle h, TweetDao.LockedTweet tweet) {
        TweetRemovalDao removal = h.attach(TweetRemovalDao.class);
        removal.uncountLikesOfTweet(tweet.id());
        removal.uncountRepliesOfTweet(tweet.id());
        removal.uncountReplyLikesUnderTweet(tweet.id());
        TweetDao tweets = h.attach(TweetDao.class);
        tweets.countTweets(tweet.userId(), -1, tweet.media() ? -1 : 0);
        FanOut.tweetRemoving(h, tweet.id());
        tweets.delete(tweet.id());
    }

    /** A moderator's delete: locks and removes the tweet, whoever wrote it; false if it is gone already. */
    public static boolean removeById(Handle h, long tweetId) {
        return h.attach(TweetDao.class).lock(tweetId).map(tweet -> {
            removeTweet(h, tweet);
            return true;
        }).orElse(false);
    }

    /**
     * Before a user is deleted: corrects the counters of other users' tweets they liked,
     * saved or retweeted, and of users who liked their tweets. Their own profile and
     * tweets are deleted with them, so their own counters need no care. Replies and reply
     * likes are {@link dev.raven.reply.ReplyRemoval}'s.
     */
    public static void uncountEverythingOf(Handle h, long userId) {
        TweetRemovalDao dao = h.attach(TweetRemovalDao.class);
        dao.uncountLikesBy(userId);
        dao.uncountSavesBy(userId);
        dao.uncountRetweetsBy(userId);
        dao.uncountLikesOfTweetsBy(userId);
    }

    private TweetRemoval() {
    }
}
