package dev.raven.reply;

import dev.raven.db.ListRow;
import dev.raven.tweet.TweetSql;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.raven.reply.ReplySql.COLUMNS;
import static dev.raven.reply.ReplySql.FROM;

/**
 * Replies and their likes: reading them as a viewer sees them, list pages, writes, and
 * the counters that count them (tweets.replies_count, replies.likes_count, and the
 * profiles' tweets_and_replies_count and likes_count).
 */
@RegisterConstructorMapper(Reply.class)
@org.jdbi.v3.sqlobject.config.RegisterColumnMapper(dev.raven.tweet.Mentions.Mapper.class)
@RegisterRowMapper(ListRow.Mapper.class)
@RegisterConstructorMapper(ReplyDao.ReplyRef.class)
public interface ReplyDao {
    /** A reply by someone in a block with the viewer, or by a suspended account, is not shown. */
    String AUTHOR_SEEN = TweetSql.REPLY_AUTHOR_SEEN;

    /** Which tweet a reply belongs to and who wrote it, without looking at visibility. */
    @SqlQuery("SELECT id, tweet_id, user_id FROM replies WHERE id = :id")
    Optional<ReplyRef> find(@Bind("id") long replyId);

    /** Locks the reply row; callers hold the parent tweet's lock already (tweet first, then reply). */
    @SqlQuery("SELECT id, tweet_id, user_id FROM replies WHERE id = :id FOR UPDATE")
    Optional<ReplyRef> lock(@Bind("id") long replyId);

    /** One reply; the caller has checked that the viewer may see its tweet. */
    @SqlQuery("SELECT " + COLUMNS + FROM + "WHERE r.id = :id AND " + AUTHOR_SEEN)
    Optional<Reply> findById(@Bind("id") long replyId, @Bind("viewer") long viewerUserId);

    /** Replies by id for a page the caller has already filtered for visibility; any order. */
    @SqlQuery("SELECT " + COLUMNS + FROM + "WHERE r.id IN (<ids>)")
    List<Reply> findByIds(@BindList("ids") List<Long> replyIds, @Bind("viewer") long viewerUserId);

    /** replies_list GET: one tweet's replies, newest first, whole Replies (the tweet is visible). */
    @SqlQuery("SELECT " + COLUMNS + FROM + "WHERE r.tweet_id = :tweet "
            + "AND r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.id < :beforeId) "
            + "AND " + AUTHOR_SEEN + " ORDER BY r.tweet_id, r.created_at DESC, r.id DESC LIMIT :limit")
    List<Reply> byTweet(@Bind("tweet") long tweetId, @Bind("viewer") long viewerUserId,
                        @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                        @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO replies (tweet_id, user_id, content, media, media_url, created_at) "
            + "VALUES (:tweet, :user, :content, :media, :mediaUrl, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("tweet") long tweetId, @Bind("user") long userId, @Bind("content") String content,
                @Bind("media") boolean media, @Bind("mediaUrl") String mediaUrl, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM replies WHERE id = :id")
    void delete(@Bind("id") long replyId);

    /** The parent tweet's replies_count and the author's tweets_and_replies_count move together. */
    @SqlUpdate("UPDATE tweets SET replies_count = replies_count + :delta WHERE id = :tweet")
    void countRepliesOf(@Bind("tweet") long tweetId, @Bind("delta") int delta);

    @SqlUpdate("UPDATE profiles SET tweets_and_replies_count = tweets_and_replies_count + :delta "
            + "WHERE user_id = :user")
    void countRepliesBy(@Bind("user") long userId, @Bind("delta") int delta);

    @SqlUpdate("DELETE FROM reply_likes WHERE reply_id = :reply AND user_id = :user")
    int deleteLike(@Bind("reply") long replyId, @Bind("user") long userId);

    @SqlUpdate("INSERT INTO reply_likes (reply_id, user_id, created_at) VALUES (:reply, :user, :now)")
    void insertLike(@Bind("reply") long replyId, @Bind("user") long userId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE replies SET likes_count = likes_count + :delta WHERE id = :reply")
    void countLikesOf(@Bind("reply") long replyId, @Bind("delta") int delta);

    /** profiles.likes_count: tweets and replies this user liked. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count + :delta WHERE user_id = :user")
    void countLikesBy(@Bind("user") long userId, @Bind("delta") int delta);

    /** A reply is going: everyone who liked it has liked one fewer. */
    @SqlUpdate("UPDATE profiles SET likes_count = likes_count - 1 "
            + "WHERE user_id IN (SELECT user_id FROM reply_likes WHERE reply_id = :reply)")
    void uncountLikesOfReply(@Bind("reply") long replyId);

    /** get_reply_like_list: who liked a reply, newest first: (user id, liked at). */
    @SqlQuery("SELECT rl.user_id AS id, rl.created_at AS sort_at FROM reply_likes rl WHERE rl.reply_id = :reply "
            + "AND rl.created_at <= :beforeAt AND (rl.created_at < :beforeAt OR rl.user_id < :beforeId) "
            + "AND " + TweetSql.REPLY_LIKER_SEEN
            + " ORDER BY rl.reply_id, rl.created_at DESC, rl.user_id DESC LIMIT :limit")
    List<ListRow> likers(@Bind("reply") long replyId, @Bind("viewer") long viewerUserId, @Bind("beforeAt") Instant beforeAt,
                         @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** What changes to a reply need to know. */
    record ReplyRef(long id, long tweetId, long userId) {
    }
}
