package dev.raven.timeline;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes to the fan-out tables. Rows are derived from the live source rows when a job
 * runs, and inserted with ON CONFLICT DO NOTHING, so a job may run late, twice, or
 * alongside another instance's job and the rows still come out right.
 */
@RegisterConstructorMapper(TimelineWriteDao.Job.class)
@RegisterConstructorMapper(TimelineWriteDao.Cut.class)
interface TimelineWriteDao {

    String INSERT = "INSERT INTO home_timelines (reader_id, activity_at, tweet_id, retweeter_id) ";
    String NOT_PULLED = "NOT EXISTS (SELECT 1 FROM timeline_pulled_accounts pa WHERE pa.user_id = f.followed_id)";

    String ENQUEUE = "INSERT INTO timeline_jobs (kind, user_id, subject_id, created_at) "
            + "VALUES (:kind, :user, :subject, :now)";
    String INSERT_OWN = INSERT + "VALUES (:reader, :at, :tweet, 0) ON CONFLICT DO NOTHING";
    /**
     * Both, for the tweet inserted by the same PostgreSQL statement's WITH entry {@code posted}
     * (returning id, user_id, created_at): two more WITH entries, to follow it (H2 has no
     * writes inside WITH). The job's time is the tweet's.
     */
    String OWN_AND_JOB_OF_POSTED = "own AS (" + INSERT + "SELECT user_id, created_at, id, 0 FROM posted "
            + "ON CONFLICT DO NOTHING), job AS (INSERT INTO timeline_jobs (kind, user_id, subject_id, created_at) "
            + "SELECT '" + JobKind.TWEET.dbName + "', user_id, id, created_at FROM posted)";

    /** The oldest jobs no other transaction holds; they stay locked until this one ends. */
    @SqlQuery("SELECT id, kind, user_id, subject_id FROM timeline_jobs ORDER BY id LIMIT :limit "
            + "FOR UPDATE SKIP LOCKED")
    List<Job> claim(@Bind("limit") int limit);

    @SqlUpdate("DELETE FROM timeline_jobs WHERE id IN (<ids>)")
    void done(@BindList("ids") List<Long> jobIds);

    @SqlQuery("SELECT COUNT(*) FROM timeline_jobs")
    long queued();

    @SqlQuery("SELECT COUNT(*) > 0 FROM timeline_pulled_accounts WHERE user_id = :user")
    boolean isPulled(@Bind("user") long userId);

    @SqlUpdate("INSERT INTO timeline_pulled_accounts (user_id) SELECT id FROM users WHERE id = :user "
            + "ON CONFLICT DO NOTHING")
    void markPulled(@Bind("user") long userId);

    @SqlQuery("SELECT user_id FROM timeline_pulled_accounts WHERE user_id IN (<users>)")
    List<Long> pulledAmong(@BindList("users") List<Long> userIds);

    @SqlQuery("SELECT user_id FROM profiles WHERE user_id IN (<users>) AND followers_count > :max")
    List<Long> withMoreFollowersThan(@BindList("users") List<Long> userIds, @Bind("max") long maxFollowers);

    /** Followers who are not asleep ({@link DormantReaders}): their rows are not kept. */
    String AWAKE = "NOT EXISTS (SELECT 1 FROM home_timeline_horizons hz WHERE hz.reader_id = f.follower_id "
            + "AND hz.complete_from = :notBuilt)";

    /** Many tweets to their authors' followers in one statement (the worker's batch). */
    @SqlUpdate(INSERT + "SELECT f.follower_id, t.created_at, t.id, 0 FROM tweets t "
            + "JOIN follows f ON f.followed_id = t.user_id WHERE t.id IN (<tweets>) AND " + AWAKE
            + " ON CONFLICT DO NOTHING")
    int fanOutTweets(@BindList("tweets") List<Long> tweetIds, @Bind("notBuilt") Instant notBuilt);

    /** Many retweets to their retweeters' followers, one JDBC batch. */
    @SqlBatch(INSERT + "SELECT f.follower_id, r.created_at, r.tweet_id, r.user_id FROM retweets r "
            + "JOIN follows f ON f.followed_id = r.user_id WHERE r.tweet_id = :tweet AND r.user_id = :retweeter "
            + "AND " + AWAKE + " ON CONFLICT DO NOTHING")
    void fanOutRetweets(@Bind("tweet") List<Long> tweetIds, @Bind("retweeter") List<Long> retweeterIds,
                        @Bind("notBuilt") Instant notBuilt);

    /** The followers of these authors whose rows a batch trims: about one in {@code every}. */
    @SqlQuery("SELECT DISTINCT f.follower_id FROM follows f WHERE f.followed_id IN (<users>) "
            + "AND MOD(f.follower_id + :salt, :every) = 0")
    List<Long> followersToTrimAmong(@BindList("users") List<Long> userIds, @Bind("salt") long salt,
                                    @Bind("every") int every);

    @SqlUpdate("DELETE FROM home_timelines WHERE tweet_id = :tweet AND retweeter_id = :retweeter "
            + "AND NOT EXISTS (SELECT 1 FROM retweets x WHERE x.tweet_id = :tweet AND x.user_id = :retweeter "
            + "AND x.created_at = home_timelines.activity_at)")
    int removeGoneRetweet(@Bind("tweet") long tweetId, @Bind("retweeter") long retweeterId);

    @SqlUpdate("DELETE FROM home_timelines WHERE reader_id = :reader "
            + "AND (retweeter_id = :followed OR (retweeter_id = 0 "
            + "AND tweet_id IN (SELECT id FROM tweets WHERE user_id = :followed))) "
            + "AND NOT EXISTS (SELECT 1 FROM follows WHERE follower_id = :reader AND followed_id = :followed)")
    int removeUnfollowed(@Bind("reader") long readerId, @Bind("followed") long followedId);

    /** Back-fill: the followed user's newest tweets since the reader's horizon, at most :limit. */
    @SqlUpdate(INSERT + "SELECT :reader, x.created_at, x.id, 0 FROM (SELECT t.created_at, t.id FROM tweets t "
            + "WHERE t.user_id = :followed AND t.created_at >= :since "
            + "AND EXISTS (SELECT 1 FROM follows WHERE follower_id = :reader AND followed_id = :followed) "
            + "ORDER BY t.user_id, t.created_at DESC, t.id DESC LIMIT :limit) x ON CONFLICT DO NOTHING")
    int backFillTweets(@Bind("reader") long readerId, @Bind("followed") long followedId,
                       @Bind("since") Instant since, @Bind("limit") int limit);

    @SqlUpdate(INSERT + "SELECT :reader, x.created_at, x.tweet_id, :followed FROM (SELECT r.created_at, r.tweet_id "
            + "FROM retweets r WHERE r.user_id = :followed AND r.created_at >= :since "
            + "AND EXISTS (SELECT 1 FROM follows WHERE follower_id = :reader AND followed_id = :followed) "
            + "ORDER BY r.user_id, r.created_at DESC, r.tweet_id DESC LIMIT :limit) x ON CONFLICT DO NOTHING")
    int backFillRetweets(@Bind("reader") long readerId, @Bind("followed") long followedId,
                         @Bind("since") Instant since, @Bind("limit") int limit);

    /** The time of the user's :skip+1-th newest tweet since :since, if they have that many. */
    @SqlQuery("SELECT created_at FROM tweets WHERE user_id = :user AND created_at >= :since "
            + "ORDER BY user_id, created_at DESC, id DESC LIMIT 1 OFFSET :skip")
    Optional<Instant> nthTweetTime(@Bind("user") long userId, @Bind("since") Instant since, @Bind("skip") int skip);

    @SqlQuery("SELECT created_at FROM retweets WHERE user_id = :user AND created_at >= :since "
            + "ORDER BY user_id, created_at DESC, tweet_id DESC LIMIT 1 OFFSET :skip")
    Optional<Instant> nthRetweetTime(@Bind("user") long userId, @Bind("since") Instant since, @Bind("skip") int skip);

    /** For each reader, the time of their :skip+1-th newest row (null if they have fewer). */
    @SqlQuery("SELECT u.id AS reader_id, (SELECT h.activity_at FROM home_timelines h WHERE h.reader_id = u.id "
            + "ORDER BY h.reader_id, h.activity_at DESC, h.tweet_id DESC LIMIT 1 OFFSET :skip) AS at "
            + "FROM users u WHERE u.id IN (<readers>)")
    List<Cut> nthRowTimes(@BindList("readers") List<Long> readerIds, @Bind("skip") int skip);

    @SqlBatch("DELETE FROM home_timelines WHERE reader_id = :reader AND activity_at < :cut")
    int[] trimBeforeAll(@Bind("reader") List<Long> readerIds, @Bind("cut") List<Instant> cuts);

    @SqlBatch("INSERT INTO home_timeline_horizons (reader_id, complete_from) "
            + "SELECT id, :at FROM users WHERE id = :reader ON CONFLICT DO NOTHING")
    void insertHorizons(@Bind("reader") List<Long> readerIds, @Bind("at") List<Instant> ats);

    @SqlBatch("UPDATE home_timeline_horizons SET complete_from = :at WHERE reader_id = :reader "
            + "AND complete_from < :at")
    void raiseHorizonRows(@Bind("reader") List<Long> readerIds, @Bind("at") List<Instant> ats);

    @SqlQuery("SELECT complete_from FROM home_timeline_horizons WHERE reader_id = :reader")
    Optional<Instant> horizon(@Bind("reader") long readerId);

    @SqlUpdate("DELETE FROM home_timeline_horizons WHERE reader_id = :reader")
    void clearHorizon(@Bind("reader") long readerId);

    @SqlUpdate("DELETE FROM home_timelines WHERE reader_id = :reader")
    void clear(@Bind("reader") long readerId);

    @SqlUpdate("DELETE FROM home_timelines WHERE reader_id IN (<readers>)")
    void clearAll(@BindList("readers") List<Long> readerIds);

    /** A session that can still read (login_sessions s), as DormantReaders counts one. */
    String LIVE_SESSION = "s.revoked_at IS NULL AND s.expires_at > :now";

    /** Up to :limit accounts after :after that no session can read for and whose rows are kept. */
    @SqlQuery("SELECT u.id FROM users u WHERE u.id > :after AND NOT EXISTS (SELECT 1 FROM login_sessions s "
            + "WHERE s.user_id = u.id AND " + LIVE_SESSION + ") "
            + "AND NOT EXISTS (SELECT 1 FROM home_timeline_horizons hz WHERE hz.reader_id = u.id "
            + "AND hz.complete_from = :notBuilt) ORDER BY u.id LIMIT :limit")
    List<Long> dormantAfter(@Bind("after") long afterUserId, @Bind("now") Instant now,
                            @Bind("notBuilt") Instant notBuilt, @Bind("limit") int limit);

    /** Of these accounts, those with a session that can still read. */
    @SqlQuery("SELECT DISTINCT s.user_id FROM login_sessions s WHERE s.user_id IN (<users>) AND " + LIVE_SESSION)
    List<Long> withLiveSession(@BindList("users") List<Long> userIds, @Bind("now") Instant now);

    /** A sleeping reader read their timeline: their rows are complete from now on. */
    @SqlUpdate("UPDATE home_timeline_horizons SET complete_from = :now WHERE reader_id = :reader "
            + "AND complete_from = :notBuilt")
    int wake(@Bind("reader") long readerId, @Bind("now") Instant now, @Bind("notBuilt") Instant notBuilt);

    /** A rebuild: the reader's newest :limit raw rows, from their own and their followed users' streams. */
    @SqlUpdate(INSERT + "SELECT :reader, x.activity_at, x.tweet_id, x.retweeter_id FROM ("
            + "SELECT t.created_at AS activity_at, t.id AS tweet_id, CAST(0 AS BIGINT) AS retweeter_id "
            + "FROM tweets t WHERE t.user_id = :reader "
            + "UNION ALL SELECT t.created_at, t.id, 0 FROM follows f JOIN tweets t ON t.user_id = f.followed_id "
            + "WHERE f.follower_id = :reader AND " + NOT_PULLED
            + " UNION ALL SELECT r.created_at, r.tweet_id, r.user_id FROM follows f "
            + "JOIN retweets r ON r.user_id = f.followed_id WHERE f.follower_id = :reader AND " + NOT_PULLED
            + " ORDER BY activity_at DESC, tweet_id DESC LIMIT :limit) x ON CONFLICT DO NOTHING")
    int rebuild(@Bind("reader") long readerId, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM home_timelines WHERE reader_id = :reader")
    long rowCount(@Bind("reader") long readerId);

    @SqlQuery("SELECT MIN(activity_at) FROM home_timelines WHERE reader_id = :reader")
    Optional<Instant> oldestRowTime(@Bind("reader") long readerId);

    /** A tweet deleted: its rows in every timeline, retweets of it included (no foreign key, see V11). */
    String REMOVE_TWEET = "DELETE FROM home_timelines WHERE tweet_id = :tweet";

    /** Before an account is deleted: its tweets' rows in every timeline. */
    @SqlUpdate("DELETE FROM home_timelines WHERE tweet_id IN (SELECT id FROM tweets WHERE user_id = :user)")
    void removeTweetsOf(@Bind("user") long userId);

    /** Before an account is deleted: the rows its retweets put into its followers' timelines. */
    @SqlUpdate("DELETE FROM home_timelines WHERE retweeter_id = :user "
            + "AND tweet_id IN (SELECT tweet_id FROM retweets WHERE user_id = :user)")
    void removeRetweetsOf(@Bind("user") long userId);

    @SqlQuery("SELECT id FROM users WHERE id > :after ORDER BY id LIMIT :limit")
    List<Long> usersAfter(@Bind("after") long afterUserId, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM users")
    long userCount();

    record Job(long id, String kind, long userId, long subjectId) {
    }

    /** See {@link #nthRowTimes}. */
    record Cut(long readerId, Instant at) {
    }
}
