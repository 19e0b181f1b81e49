package dev.raven.tweet;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Counter corrections that must run before tweets or users are deleted: the rows they
 * count go by ON DELETE CASCADE right after, in the same transaction.
 */
public interface TweetRemovalDao {

    /** A tweet is going: everyone who liked it has liked one fewer. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count - 1 "
            + "WHERE user_id IN (SELECT user_id FROM tweet_likes WHERE tweet_id = :tweet)")
    void uncountLikesOfTweet(@Bind("tweet") long tweetId);

    /** A tweet is going with its replies: their authors have that many fewer tweets and replies... */
    @SqlUpdate("UPDATE profiles SET tweets_and_replies_count = tweets_and_replies_count - ("
            + "SELECT COUNT(*) FROM replies r WHERE r.tweet_id = :tweet AND r.user_id = profiles.user_id) "
            + "WHERE user_id IN (SELECT user_id FROM replies WHERE tweet_id = :tweet)")
    void uncountRepliesOfTweet(@Bind("tweet") long tweetId);

    /** ...and whoever liked those replies has liked that many fewer. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count - ("
            + "SELECT COUNT(*) FROM replies r JOIN reply_likes rl ON rl.reply_id = r.id "
            + "WHERE r.tweet_id = :tweet AND rl.user_id = profiles.user_id) "
            + "WHERE user_id IN (SELECT rl.user_id FROM replies r JOIN reply_likes rl ON rl.reply_id = r.id "
            + "WHERE r.tweet_id = :tweet)")
    void uncountReplyLikesUnderTweet(@Bind("tweet") long tweetId);

    /** A user is going: the tweets they liked, saved or retweeted lose that like, save or retweet. */
    @SqlUpdate("UPDATE tweets SET likes_count = likes_count - 1 "
            + "WHERE id IN (SELECT tweet_id FROM tweet_likes WHERE user_id = :user)")
    void uncountLikesBy(@Bind("user") long userId);

    @SqlUpdate("UPDATE tweets SET saves_count = saves_count - 1 "
            + "WHERE id IN (SELECT tweet_id FROM tweet_saves WHERE user_id = :user)")
    void uncountSavesBy(@Bind("user") long userId);

    @SqlUpdate("UPDATE tweets SET retweets_count = retweets_count - 1 "
            + "WHERE id IN (SELECT tweet_id FROM retweets WHERE user_id = :user)")
    void uncountRetweetsBy(@Bind("user") long userId);

    /** A user is going with their tweets: whoever liked those tweets has liked that many fewer. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count - ("
            + "SELECT COUNT(*) FROM tweet_likes l JOIN tweets t ON t.id = l.tweet_id "
            + "WHERE t.user_id = :user AND l.user_id = profiles.user_id) "
            + "WHERE user_id IN (SELECT l.user_id FROM tweet_likes l JOIN tweets t ON t.id = l.tweet_id "
            + "WHERE t.user_id = :user)")
    void uncountLikesOfTweetsBy(@Bind("user") long userId);
}
