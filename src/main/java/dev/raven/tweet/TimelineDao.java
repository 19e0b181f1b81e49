package dev.raven.tweet;

import dev.raven.db.Columns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 *
 * <p>{@link #page} is that pull query: the reference the fanned-out rows are tested
 * against, and what pages older than a reader's horizon are read with.
 */
public final class TimelineDao {
    private static final RowMapper<Entry> ENTRY = new Entry.Mapper();
    private static final RowMapper<ReaderState> READER_STATE = new ReaderState.Mapper();

    private final Handle h;

    /** The timeline's queries on {@code h} (plain statements: attaching a SqlObject DAO has a cost per request). */
    public TimelineDao(Handle h) {
        this.h = h;
    }

    /** The handle it reads with (a reader's return is written on it, see HomeTimeline). */
    public Handle handle() {
        return h;
    }

    /**
     * A followed retweeter {@code r2} whose retweets the timeline shows: not muted by the
     * viewer, not suspended (a block ends the follow, so followed people are never blocked).
     */
    static final String SHOWN_RETWEETER = TweetSql.OTHER_RETWEETER_SHOWN;

    /** A tweet row that a followed user's retweet will show instead. */
    static final String NOT_RETWEETED_BY_FOLLOWED = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = t.id AND " + SHOWN_RETWEETER + ")";

    /** A retweet row that is the newest followed retweet of its tweet. */
    static final String NEWEST_FOLLOWED_RETWEET = "NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "JOIN follows f2 ON f2.followed_id = r2.user_id AND f2.follower_id = :viewer "
            + "WHERE r2.tweet_id = r.tweet_id AND " + SHOWN_RETWEETER + " "
            + "AND (r2.created_at > r.created_at OR (r2.created_at = r.created_at AND r2.user_id > r.user_id)))";

    /**
     * The retweet r2 is by someone the viewer follows: one primary-key probe per retweet of
     * the tweet (written as a nested EXISTS so that H2 starts from the tweet's retweets, not
     * from everyone the viewer follows).
     */
    static final String BY_FOLLOWED = "EXISTS (SELECT 1 FROM follows f2 WHERE f2.follower_id = :viewer AND f2.followed_id = r2.user_id)";

    /** A followed user's tweet row ({@code t}) the timeline shows: the author not muted or suspended, no followed retweet of it. */
    static final String FOLLOWED_TWEET_SHOWN = NOT_MUTED + " AND " + NOT_SUSPENDED + " AND " + NOT_RETWEETED_BY_FOLLOWED;

    /** A followed user's retweet row ({@code r} of {@code t}) the timeline shows, as its tweet's newest such retweet. */
    static final String FOLLOWED_RETWEET_SHOWN = VISIBLE + " AND " + NOT_MUTED + " AND " + TweetSql.RETWEETER_SHOWN
            + " AND " + NEWEST_FOLLOWED_RETWEET;

    static final String RETWEET_BEFORE = "r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.tweet_id < :beforeId)";

    private static final String PAGE = "SELECT t.id AS tweet_id, t.created_at AS activity_at, CAST(NULL AS BIGINT) AS retweeter_id "
            + "FROM tweets t "
            + "WHERE t.user_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + NOT_RETWEETED_BY_FOLLOWED
            + " UNION ALL "
            + "SELECT t.id, t.created_at, CAST(NULL AS BIGINT) "
            + "FROM follows f JOIN tweets t ON t.user_id = f.followed_id "
            + "WHERE f.follower_id = :viewer AND t.created_at >= :since AND " + BEFORE
            + " AND " + FOLLOWED_TWEET_SHOWN
            + " UNION ALL "
            + "SELECT r.tweet_id, r.created_at, r.user_id "
            + "FROM follows f JOIN retweets r ON r.user_id = f.followed_id JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE f.follower_id = :viewer AND r.created_at >= :since AND " + RETWEET_BEFORE
            + " AND " + FOLLOWED_RETWEET_SHOWN
            + " ORDER BY activity_at DESC, tweet_id DESC LIMIT :limit";

    List<Entry> page(long viewerUserId, Instant since, Instant beforeAt, long beforeId, int limit) {
        return h.createQuery(PAGE).bind("viewer", viewerUserId).bind("since", since).bind("beforeAt", beforeAt)
                .bind("beforeId", beforeId).bind("limit", limit).map(ENTRY).list();
    }

    /** Whose posts reach the viewer's timeline: everyone they follow and have not muted, by id. */
    private static final String FOLLOWED_NOT_MUTED_IDS = "SELECT f.followed_id FROM follows f WHERE f.follower_id = :viewer AND " + TweetSql.FOLLOWED_NOT_MUTED
            + " ORDER BY f.followed_id";

    List<Long> followedNotMuted(long viewerUserId) {
        return h.createQuery(FOLLOWED_NOT_MUTED_IDS).bind("viewer", viewerUserId).mapTo(Long.class).list();
    }

    /**
     * The retweet r2 is by someone the viewer follows and whose retweets they see: one
     * primary-key probe per retweet of the tweet (a nested EXISTS, so that H2 starts from
     * the tweet's retweets, not from everyone the viewer follows).
     */
    static final String BY_SHOWN_FOLLOWED = "EXISTS (SELECT 1 FROM follows f2 WHERE f2.follower_id = :viewer "
            + "AND f2.followed_id = r2.user_id) AND " + SHOWN_RETWEETER;

    /** Whether any fan-out job is queued: until none is, fanned-out rows may lack an acknowledged post. */
    private static final String FAN_OUT_PENDING = "SELECT EXISTS (SELECT 1 FROM timeline_jobs)";

    boolean fanOutPending() {
        return h.createQuery(FAN_OUT_PENDING).mapTo(Boolean.class).one();
    }

    /** The reader's horizon (null: complete from the beginning) and whether they follow a pulled account. */
    private static final String READER_STATE_SQL = "SELECT (SELECT complete_from FROM home_timeline_horizons WHERE reader_id = :viewer) AS complete_from, "
            + "EXISTS (SELECT 1 FROM timeline_pulled_accounts pa JOIN follows fp ON fp.followed_id = pa.user_id "
            + "AND fp.follower_id = :viewer) AS follows_pulled";

    ReaderState readerState(long viewerUserId) {
        return h.createQuery(READER_STATE_SQL).bind("viewer", viewerUserId).map(READER_STATE).one();
    }

    /**
     * A page of the reader's fanned-out rows, each checked against the live tables with the
     * pull query's own rules ({@link #page}): a tweet row of the reader, or of someone they
     * still follow and have not muted, who is not suspended, unless a followed user's shown
     * retweet will show it instead; a retweet row whose retweet still exists, by someone they
     * still follow and see, of a tweet visible to them by an author they have not muted, and
     * the newest such retweet. So follows, mutes, blocks, suspensions and visibility changes
     * hold on the next read, whatever the worker has done yet. Each check is a few index
     * probes for the rows the page reads. OFFSET 0 keeps PostgreSQL from turning a check
     * into a hash of everything the reader's followed accounts ever retweeted. The two kinds
     * of row take their checks through CASE, not OR: from an OR PostgreSQL derives a second
     * filter on the tweet and ran most checks twice per row (CASE reads a third fewer pages).
     */
    private static final String FANNED_OUT = "SELECT h.tweet_id, h.activity_at, NULLIF(h.retweeter_id, 0) AS retweeter_id "
            + "FROM home_timelines h JOIN tweets t ON t.id = h.tweet_id "
            + "WHERE h.reader_id = :viewer "
            + "AND h.activity_at <= :beforeAt AND (h.activity_at < :beforeAt OR h.tweet_id < :beforeId) "
            + "AND CASE WHEN h.retweeter_id = 0 THEN (t.user_id = :viewer OR (EXISTS (SELECT 1 FROM follows fa "
            + "WHERE fa.follower_id = :viewer AND fa.followed_id = t.user_id OFFSET 0) AND " + NOT_MUTED
            + " AND " + NOT_SUSPENDED + ")) "
            + "AND NOT EXISTS (SELECT 1 FROM retweets r2 WHERE r2.tweet_id = t.id AND " + BY_SHOWN_FOLLOWED + " OFFSET 0) "
            + "ELSE EXISTS (SELECT 1 FROM retweets r WHERE r.tweet_id = t.id "
            + "AND r.user_id = h.retweeter_id AND r.created_at = h.activity_at OFFSET 0) "
            + "AND EXISTS (SELECT 1 FROM follows fr WHERE fr.follower_id = :viewer AND fr.followed_id = h.retweeter_id "
            + "OFFSET 0) AND " + TweetSql.HOME_RETWEETER_SHOWN
            + " AND " + VISIBLE + " AND " + NOT_MUTED + " AND NOT EXISTS (SELECT 1 FROM retweets r2 "
            + "WHERE r2.tweet_id = t.id AND (r2.created_at > h.activity_at "
            + "OR (r2.created_at = h.activity_at AND r2.user_id > h.retweeter_id)) AND " + BY_SHOWN_FOLLOWED
            + " OFFSET 0) END "
            // reader_id first: H2 then reads the index in order and stops after :limit rows.
            + "ORDER BY h.reader_id, h.activity_at DESC, h.tweet_id DESC LIMIT :limit";

    List<Entry> fannedOut(long viewerUserId, Instant beforeAt, long beforeId, int limit) {
        return h.createQuery(FANNED_OUT).bind("viewer", viewerUserId).bind("beforeAt", beforeAt)
                .bind("beforeId", beforeId).bind("limit", limit).map(ENTRY).list();
    }

    /** The pull query's followed streams, for the followed accounts that are not fanned out. */
    private static final String PULLED = "SELECT t.id AS tweet_id, t.created_at AS activity_at, CAST(NULL AS BIGINT) AS retweeter_id "
            + "FROM timeline_pulled_accounts pa JOIN follows f ON f.followed_id = pa.user_id AND f.follower_id = :viewer "
            + "JOIN tweets t ON t.user_id = f.followed_id "
            + "WHERE t.created_at >= :since AND " + BEFORE
            + " AND " + FOLLOWED_TWEET_SHOWN
            + " UNION ALL "
            + "SELECT r.tweet_id, r.created_at, r.user_id "
            + "FROM timeline_pulled_accounts pa JOIN follows f ON f.followed_id = pa.user_id AND f.follower_id = :viewer "
            + "JOIN retweets r ON r.user_id = f.followed_id JOIN tweets t ON t.id = r.tweet_id "
            + "WHERE r.created_at >= :since AND " + RETWEET_BEFORE
            + " AND " + FOLLOWED_RETWEET_SHOWN
            + " ORDER BY activity_at DESC, tweet_id DESC LIMIT :limit";

    List<Entry> pulled(long viewerUserId, Instant since, Instant beforeAt, long beforeId, int limit) {
        return h.createQuery(PULLED).bind("viewer", viewerUserId).bind("since", since).bind("beforeAt", beforeAt)
                .bind("beforeId", beforeId).bind("limit", limit).map(ENTRY).list();
    }

    /** One timeline item: the tweet, when its newest activity was, and the retweeter if that was a retweet. */
    public record Entry(long tweetId, Instant activityAt, Long retweeterId) {
        /** Columns tweet_id, activity_at, retweeter_id, in that order (every timeline query's). */
        public static final class Mapper implements RowMapper<Entry> {
            @Override
            public Entry map(ResultSet rs, StatementContext ctx) throws SQLException {
                long retweeter = rs.getLong(3);
                Long retweeterId = rs.wasNull() ? null : retweeter;
                return new Entry(rs.getLong(1), Columns.instant(rs, 2), retweeterId);
            }
        }
    }

    /** See {@link #readerState}. */
    public record ReaderState(Instant completeFrom, boolean followsPulled) {
        /** Columns complete_from, follows_pulled. */
        public static final class Mapper implements RowMapper<ReaderState> {
            @Override
            public ReaderState map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new ReaderState(Columns.instant(rs, 1), rs.getBoolean(2));
            }
        }
    }
}
