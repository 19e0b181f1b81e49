package dev.raven.tweet;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;

/** Rows of tweet_mentions, reply_mentions and tweet_tags. */
interface PostLinkDao {

    /** Active users by lower-cased username. */
    @SqlQuery("SELECT id FROM users WHERE username_key IN (<keys>) AND is_active = TRUE ORDER BY id")
    List<Long> userIds(@BindList("keys") List<String> usernameKeys);

    @SqlQuery("SELECT user_id FROM tweet_mentions WHERE tweet_id = :tweet ORDER BY user_id")
    List<Long> tweetMentions(@Bind("tweet") long tweetId);

    @SqlUpdate("INSERT INTO tweet_mentions (tweet_id, user_id) VALUES (:tweet, :user)")
    void insertTweetMention(@Bind("tweet") long tweetId, @Bind("user") long userId);

    @SqlUpdate("DELETE FROM tweet_mentions WHERE tweet_id = :tweet AND user_id = :user")
    void deleteTweetMention(@Bind("tweet") long tweetId, @Bind("user") long userId);

    @SqlUpdate("INSERT INTO reply_mentions (reply_id, user_id) VALUES (:reply, :user)")
    void insertReplyMention(@Bind("reply") long replyId, @Bind("user") long userId);

    @SqlUpdate("DELETE FROM tweet_tags WHERE tweet_id = :tweet")
    void deleteTags(@Bind("tweet") long tweetId);

    @SqlUpdate("INSERT INTO tweet_tags (tweet_id, tag, created_at) SELECT id, :tag, created_at FROM tweets WHERE id = :tweet")
    void insertTag(@Bind("tweet") long tweetId, @Bind("tag") String tag);
}
