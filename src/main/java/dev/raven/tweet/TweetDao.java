package dev.raven.tweet;

import dev.raven.db.ListRow;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.raven.tweet.TweetSql.BEFORE;
import static dev.raven.tweet.TweetSql.COLUMNS;
import static dev.raven.tweet.TweetSql.FROM;
import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * Tweets: reading them as a viewer sees them, list pages, and writes. List queries return
 * only (id, sort time) rows, one page + 1; {@link #BY_IDS} turns a page into Tweets
 * in one more statement, whatever the page size.
 */
@RegisterRowMapper(ListRow.Mapper.class)
@RegisterConstructorMapper(TweetDao.LockedTweet.class)
public interface TweetDao {

    /** Tweets by id for a page the caller has already filtered for visibility; any order. */
    String BY_IDS = "SELECT " + COLUMNS + FROM + "WHERE t.id IN (<ids>)";

    /** One tweet as :viewer sees it, if they may. */
    String FIND_VISIBLE = "SELECT " + COLUMNS + FROM + "WHERE t.id = :id AND " + VISIBLE;
    String INSERT = "INSERT INTO tweets (user_id, content, media, media_url, is_public, created_at) "
            + "VALUES (:userId, :content, :media, :mediaUrl, :isPublic, :now)";
    /** The author's counters: tweets, tweets and replies, and tweets with media. */
    String COUNT_TWEETS = "UPDATE profiles SET tweets_count = tweets_count + :delta, "
            + "tweets_and_replies_count = tweets_and_replies_count + :delta, "
            + "media_count = media_count + :mediaDelta WHERE user_id = :userId";

    @SqlQuery(FIND_VISIBLE)
    @UseRowMapper(TweetRowMapper.class)
    Optional<Tweet> findVisible(@Bind("id") long tweetId, @Bind("viewer") long viewerUserId);

    /** {@link TweetSql#TWEET} for the annotated queries. */
    final class TweetRowMapper implements RowMapper<Tweet> {
        @Override
        public Tweet map(ResultSet rs, StatementContext ctx) throws SQLException {
            return TweetSql.TWEET.map(rs, ctx);
        }
    }

    /** Locks the tweet row: every change to a tweet or its likes/saves/retweets takes this lock first. */
    @SqlQuery("SELECT id, user_id, is_public, media, content, media_url FROM tweets WHERE id = :id FOR UPDATE")
    Optional<LockedTweet> lock(@Bind("id") long tweetId);

    @SqlUpdate("UPDATE tweets SET content = :content, media = :media, media_url = :mediaUrl, "
            + "is_public = :isPublic WHERE id = :id")
    void update(@Bind("id") long tweetId, @Bind("content") String content, @Bind("media") boolean media,
                @Bind("mediaUrl") String mediaUrl, @Bind("isPublic") boolean isPublic);

    @SqlUpdate("DELETE FROM tweets WHERE id = :id")
    void delete(@Bind("id") long tweetId);

    @SqlUpdate(COUNT_TWEETS)
    void countTweets(@Bind("userId") long userId, @Bind("delta") int delta, @Bind("mediaDelta") int mediaDelta);

    /** get_tweets: one author's tweets the viewer may see. */
    @SqlQuery("SELECT t.id, t.created_at AS sort_at FROM tweets t "
            + "WHERE t.user_id = :author AND " + BEFORE + " AND " + VISIBLE
            + " ORDER BY t.user_id, t.created_at DESC, t.id DESC LIMIT :limit")
    List<ListRow> byAuthor(@Bind("author") long authorUserId, @Bind("viewer") long viewerUserId,
                           @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                           @Bind("limit") int limit);

    /** get_saved_tweets: the viewer's saves, newest save first, still visible to them. */
    @SqlQuery("SELECT s.tweet_id AS id, s.created_at AS sort_at FROM tweet_saves s JOIN tweets t ON t.id = s.tweet_id "
            + "WHERE s.user_id = :viewer "
            + "AND s.created_at <= :beforeAt AND (s.created_at < :beforeAt OR s.tweet_id < :beforeId) AND " + VISIBLE
            + " ORDER BY s.user_id, s.created_at DESC, s.tweet_id DESC LIMIT :limit")
    List<ListRow> savedBy(@Bind("viewer") long viewerUserId, @Bind("beforeAt") Instant beforeAt,
                          @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** get_tweet_like_list: who liked a tweet, newest first: (user id, liked at). */
    @SqlQuery("SELECT l.user_id AS id, l.created_at AS sort_at FROM tweet_likes l WHERE l.tweet_id = :tweet "
            + "AND l.created_at <= :beforeAt AND (l.created_at < :beforeAt OR l.user_id < :beforeId) "
            + "AND " + TweetSql.LIKER_SEEN + " ORDER BY l.tweet_id, l.created_at DESC, l.user_id DESC LIMIT :limit")
    List<ListRow> likers(@Bind("tweet") long tweetId, @Bind("viewer") long viewerUserId, @Bind("beforeAt") Instant beforeAt,
                         @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** retweet_list GET: who retweeted a tweet, newest first: (user id, retweeted at). */
    @SqlQuery("SELECT r.user_id AS id, r.created_at AS sort_at FROM retweets r WHERE r.tweet_id = :tweet "
            + "AND r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.user_id < :beforeId) "
            + "AND " + TweetSql.REPLY_AUTHOR_SEEN + " ORDER BY r.tweet_id, r.created_at DESC, r.user_id DESC LIMIT :limit")
    List<ListRow> retweeters(@Bind("tweet") long tweetId, @Bind("viewer") long viewerUserId,
                             @Bind("beforeAt") Instant beforeAt,
                             @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) > 0 FROM users WHERE id = :id AND status = 'suspended'")
    boolean authorSuspended(@Bind("id") long userId);

    /** The user exists and the viewer may see their profile ({@link dev.raven.tweet.TweetSql#USER_SEEN}). */
    @SqlQuery("SELECT COUNT(*) > 0 FROM users u WHERE u.id = :id AND " + dev.raven.tweet.TweetSql.USER_SEEN)
    boolean userExists(@Bind("id") long userId, @Bind("viewer") long viewerUserId);

    /** A locked tweet row: what changes to it need to know. */
    record LockedTweet(long id, long userId, boolean isPublic, boolean media, String content, String mediaUrl) {
    }
}
