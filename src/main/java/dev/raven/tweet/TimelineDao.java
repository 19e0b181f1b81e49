package dev.raven.tweet;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

import static dev.raven.tweet.TweetSql.BEFORE;
import static dev.raven.tweet.TweetSql.NOT_MUTED;
import static dev.raven.tweet.TweetSql.NOT_SUSPENDED;
import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * The home timeline's SQL. The timeline merges 1 + 2F streams (the viewer's tweets, and
 * each of the F followed users' tweets and retweets), each read newest first from its own
 * (user_id, created_at, id) index, within [since, cursor). A tweet appears once, at its
 * newest activity: a tweet row is dropped when someone the viewer follows retweeted it,
 * and a retweet row is dropped when a newer followed retweet of the same tweet exists.
 * {@link HomeTimeline} picks {@code since} so that the window holds about a page.
 */
@RegisterConstructorMapper(TimelineDao.Entry.class)
@RegisterConstructorMapper(TimelineItem.RetweetedBy.class)
public interface TimelineDao {

    /**
     * A followed retweeter {@code r2} whose retweets the timeline shows: not muted by the
     * viewer, not suspended (a block ends the follow, so followed people are never blocked).
     */
    String SHOWN_RETWEETER = TweetSql.OTHER_RETWEETER_SHOWN;

    /** A tweet row that a followed user's retweet will show instead. */
    String NOT_RETWEETED_BY_FOLLOWED = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = t.id AND " + SHOWN_RETWEETER + ")";

    /** A retweet row that is the newest followed retweet of its tweet. */
    String NEWEST_FOLLOWED_RETWEET = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = r.tweet_id AND " + SHOWN_RETWEETER + " "
            + "AND (r2.created_at > r.created_at OR (r2.created_at = r.created_at AND r2.user_id > r.user_id)))";

    String RETWEET_BEFORE = "r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.tweet_id < :beforeId)";

    @SqlQuery("SELECT t.id AS tweet_id, t.created_at AS activity_at, CAST(NULL AS BIGINT) AS retweeter_id "
            + "FROM tweets t "
            + "WHERE t.user_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " UNION ALL "
            + "SELECT t.id, t.created_at, CAST(NULL AS BIGINT) "
            + "FROM follows f JOIN tweets t ON t.user_id = f.followed_id "
            + "WHERE f.follower_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + NOT_MUTED + " AND " + NOT_SUSPENDED + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " UNION ALL "
            + "SELECT r.tweet_id, r.created_at, r.user_id "
            + "FROM follows f JOIN retweets r ON r.user_id = f.followed_id JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE f.follower_id = :viewer AND r.created_at >= :since AND " + RETWEET_BEFORE
            + " AND " + VISIBLE + " AND " + NOT_MUTED + " AND " + TweetSql.RETWEETER_SHOWN
            + " AND " + NEWEST_FOLLOWED_RETWEET
            + " ORDER BY activity_at DESC, tweet_id DESC LIMIT :limit")
    List<Entry> page(@Bind("viewer") long viewerUserId, @Bind("since") Instant since,
                     @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                     @Bind("limit") int limit);

    /** Whose posts reach the viewer's timeline: everyone they follow and have not muted, by id. */
    @SqlQuery("SELECT f.followed_id FROM follows f WHERE f.follower_id = :viewer AND " + TweetSql.FOLLOWED_NOT_MUTED
            + " ORDER BY f.followed_id")
    List<Long> followedNotMuted(@Bind("viewer") long viewerUserId);

    @SqlQuery("SELECT u.id AS user_id, u.username, p.alias FROM users u JOIN profiles p ON p.user_id = u.id "
            + "WHERE u.id IN (<ids>)")
    List<TimelineItem.RetweetedBy> retweeters(@BindList("ids") List<Long> userIds);

    /** One timeline item: the tweet, when its newest activity was, and the retweeter if that was a retweet. */
    record Entry(long tweetId, Instant activityAt, Long retweeterId) {
    }
}
