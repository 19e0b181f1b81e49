package dev.raven.reply;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Counter corrections that must run before a user is deleted: the replies and reply likes
 * they count go by ON DELETE CASCADE right after, in the same transaction. "Going replies"
 * are the user's own replies and every reply under the user's tweets.
 */
public interface ReplyRemovalDao {

    /** The tweets the user replied to lose those replies. */
    @SqlUpdate("UPDATE tweets SET replies_count = replies_count - ("
            + "SELECT COUNT(*) FROM replies r WHERE r.tweet_id = tweets.id AND r.user_id = :user) "
            + "WHERE id IN (SELECT tweet_id FROM replies WHERE user_id = :user)")
    void uncountRepliesBy(@Bind("user") long userId);

    /** The replies the user liked lose that like. */
    @SqlUpdate("UPDATE replies SET likes_count = likes_count - 1 "
            + "WHERE id IN (SELECT reply_id FROM reply_likes WHERE user_id = :user)")
    void uncountReplyLikesBy(@Bind("user") long userId);

    /** The ids of the going replies; each half reads its own index. */
    String GOING_REPLIES = "SELECT r.id FROM replies r WHERE r.user_id = :user "
            + "UNION SELECT r.id FROM tweets t JOIN replies r ON r.tweet_id = t.id WHERE t.user_id = :user";

    /** Whoever liked a going reply has liked that many fewer (each going reply counted once). */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count - ("
            + "SELECT COUNT(*) FROM reply_likes rl WHERE rl.user_id = profiles.user_id "
            + "AND rl.reply_id IN (" + GOING_REPLIES + ")) "
            + "WHERE user_id IN (SELECT rl.user_id FROM reply_likes rl WHERE rl.reply_id IN (" + GOING_REPLIES + "))")
    void uncountLikesOfGoingReplies(@Bind("user") long userId);

    /** Whoever replied to the user's tweets has that many fewer tweets and replies. */
    @SqlUpdate("UPDATE profiles SET tweets_and_replies_count = tweets_and_replies_count - ("
            + "SELECT COUNT(*) FROM replies r JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE t.user_id = :user AND r.user_id = profiles.user_id) "
            + "WHERE user_id IN (SELECT r.user_id FROM replies r JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE t.user_id = :user)")
    void uncountRepliesUnderTweetsOf(@Bind("user") long userId);
}
