package dev.raven.tweet;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

import static dev.raven.tweet.TweetSql.BEFORE;
import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * The home timeline's SQL. The timeline merges 1 + 2F streams (the viewer's tweets, and
 * each of the F followed users' tweets and retweets), each read newest first from its own
 * (user_id, created_at, id) index. A tweet appears once, at its newest activity: a tweet
 * row is dropped when someone the viewer follows retweeted it, and a retweet row is
 * dropped when a newer followed retweet of the same tweet exists.
 *
 * <p>A page of N items lies entirely within the newest N items of each stream, so
 * {@link #bounds} first finds, per stream, the time of its N-th item (one short index
 * descent per stream) and {@link #page} then reads only rows newer than the latest of
 * those times: at most N rows per stream. The cost grows with N and F, not with the size
 * of the tables. (Neither database here can be relied on for LATERAL joins: H2 has none.)
 * Sort keys start with user_id so that H2, too, reads the index in order and stops early.
 */
@RegisterConstructorMapper(TimelineDao.Bounds.class)
@RegisterConstructorMapper(TimelineDao.Entry.class)
@RegisterConstructorMapper(TimelineItem.RetweetedBy.class)
public interface TimelineDao {

    /** A tweet row that a followed user's retweet will show instead. */
    String NOT_RETWEETED_BY_FOLLOWED = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = t.id)";

    /** A retweet row that is the newest followed retweet of its tweet. */
    String NEWEST_FOLLOWED_RETWEET = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = r.tweet_id "
            + "AND (r2.created_at > r.created_at OR (r2.created_at = r.created_at AND r2.user_id > r.user_id)))";

    String RETWEET_BEFORE = "r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.tweet_id < :beforeId)";

    @SqlQuery("SELECT "
            + "(SELECT t.created_at FROM tweets t WHERE t.user_id = :viewer AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " ORDER BY t.user_id, t.created_at DESC, t.id DESC LIMIT 1 OFFSET :skip) AS own_tweets, "
            + "MAX((SELECT t.created_at FROM tweets t WHERE t.user_id = f.followed_id AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " ORDER BY t.user_id, t.created_at DESC, t.id DESC LIMIT 1 OFFSET :skip)) AS followed_tweets, "
            + "MAX((SELECT r.created_at FROM retweets r JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE r.user_id = f.followed_id AND " + RETWEET_BEFORE + " AND " + VISIBLE
            + " AND " + NEWEST_FOLLOWED_RETWEET
            + " ORDER BY r.user_id, r.created_at DESC, r.tweet_id DESC LIMIT 1 OFFSET :skip)) AS followed_retweets "
            + "FROM follows f WHERE f.follower_id = :viewer")
    Bounds bounds(@Bind("viewer") long viewerUserId, @Bind("beforeAt") Instant beforeAt,
                  @Bind("beforeId") long beforeId, @Bind("skip") int skip);

    @SqlQuery("SELECT t.id AS tweet_id, t.created_at AS activity_at, CAST(NULL AS BIGINT) AS retweeter_id "
            + "FROM tweets t "
            + "WHERE t.user_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " UNION ALL "
            + "SELECT t.id, t.created_at, CAST(NULL AS BIGINT) "
            + "FROM follows f JOIN tweets t ON t.user_id = f.followed_id "
            + "WHERE f.follower_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " UNION ALL "
            + "SELECT r.tweet_id, r.created_at, r.user_id "
            + "FROM follows f JOIN retweets r ON r.user_id = f.followed_id JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE f.follower_id = :viewer AND r.created_at >= :since AND " + RETWEET_BEFORE
            + " AND " + VISIBLE + " AND " + NEWEST_FOLLOWED_RETWEET
            + " ORDER BY activity_at DESC, tweet_id DESC LIMIT :limit")
    List<Entry> page(@Bind("viewer") long viewerUserId, @Bind("since") Instant since,
                     @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                     @Bind("limit") int limit);

    @SqlQuery("SELECT u.id AS user_id, u.username, p.alias FROM users u JOIN profiles p ON p.user_id = u.id "
            + "WHERE u.id IN (<ids>)")
    List<TimelineItem.RetweetedBy> retweeters(@BindList("ids") List<Long> userIds);

    /** Per kind of stream, the latest "N-th newest item" time; null where every stream has fewer. */
    record Bounds(Instant ownTweets, Instant followedTweets, Instant followedRetweets) {
    }

    /** One timeline item: the tweet, when its newest activity was, and the retweeter if that was a retweet. */
    record Entry(long tweetId, Instant activityAt, Long retweeterId) {
    }
}
