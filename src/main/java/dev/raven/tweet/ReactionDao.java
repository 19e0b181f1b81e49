package dev.raven.tweet;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;

/**
 * Rows of tweet_likes, tweet_saves and retweets, and the tweet counters that count them.
 * Table and column names come only from {@link Reaction}, never from input.
 */
public interface ReactionDao {

    @SqlQuery("SELECT COUNT(*) > 0 FROM <table> WHERE tweet_id = :tweet AND user_id = :user")
    boolean exists(@Define("table") String table, @Bind("tweet") long tweetId, @Bind("user") long userId);

    @SqlUpdate("DELETE FROM <table> WHERE tweet_id = :tweet AND user_id = :user")
    int delete(@Define("table") String table, @Bind("tweet") long tweetId, @Bind("user") long userId);

    @SqlUpdate("INSERT INTO <table> (tweet_id, user_id, created_at) VALUES (:tweet, :user, :now)")
    void insert(@Define("table") String table, @Bind("tweet") long tweetId, @Bind("user") long userId,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE tweets SET <counter> = <counter> + :delta WHERE id = :tweet")
    void count(@Define("counter") String counter, @Bind("tweet") long tweetId, @Bind("delta") int delta);

    /** profiles.likes_count: tweets (and later replies) this user liked. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count + :delta WHERE user_id = :user")
    void countLikesBy(@Bind("user") long userId, @Bind("delta") int delta);
}
