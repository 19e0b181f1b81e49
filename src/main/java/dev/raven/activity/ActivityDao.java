package dev.raven.activity;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

import dev.raven.tweet.TweetSql;

import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * The pages of the mixed lists (tweets and replies in one list), as {@link ActivityRow}s.
 *
 * <p>Every list is ordered by (sort time DESC, kind DESC, id DESC) and paged by keyset on
 * that triple, so items of both tables interleave by time and a tie between a tweet and a
 * reply at the same microsecond is still a strict order. Each half reads at most one page
 * from its own (user, time, id) index, already filtered by the visibility rule (a reply is
 * visible when its parent tweet is); the union is then cut to one page. Tweets are kind 0,
 * like single-table lists, so cursors of the tweets-only lists of earlier versions still work.
 */
@RegisterConstructorMapper(ActivityRow.class)
public interface ActivityDao {
    int TWEET = 0;
    int REPLY = 1;

    /** Keyset conditions per half: the half's kind is a literal, the cursor's kind a parameter. */
    String TWEET_BEFORE = "t.created_at <= :beforeAt AND (t.created_at < :beforeAt "
            + "OR 0 < :beforeKind OR (0 = :beforeKind AND t.id < :beforeId))";
    String REPLY_BEFORE = "r.created_at <= :beforeAt AND (r.created_at < :beforeAt "
            + "OR 1 < :beforeKind OR (1 = :beforeKind AND r.id < :beforeId))";
    String TWEET_LIKE_BEFORE = "l.created_at <= :beforeAt AND (l.created_at < :beforeAt "
            + "OR 0 < :beforeKind OR (0 = :beforeKind AND l.tweet_id < :beforeId))";
    String REPLY_LIKE_BEFORE = "rl.created_at <= :beforeAt AND (rl.created_at < :beforeAt "
            + "OR 1 < :beforeKind OR (1 = :beforeKind AND rl.reply_id < :beforeId))";

    /** A reply's own author (beside its tweet's) must not be in a block with the viewer, nor suspended. */
    String REPLY_AUTHOR_SEEN = TweetSql.REPLY_AUTHOR_SEEN;

    /** The user's tweets / replies (sort keys start with the index's filter column, for H2). */
    String TWEETS_BY = "SELECT 0 AS kind, t.id AS id, t.id AS tweet_id, t.created_at AS sort_at "
            + "FROM tweets t WHERE t.user_id = :user AND " + TWEET_BEFORE + " AND " + VISIBLE
            + " ORDER BY t.user_id, t.created_at DESC, t.id DESC LIMIT :limit";
    String REPLIES_BY = "SELECT 1 AS kind, r.id AS id, r.tweet_id AS tweet_id, r.created_at AS sort_at "
            + "FROM replies r JOIN tweets t ON t.id = r.tweet_id WHERE r.user_id = :user AND " + REPLY_BEFORE
            + " AND " + VISIBLE + " AND " + REPLY_AUTHOR_SEEN + " ORDER BY r.user_id, r.created_at DESC, r.id DESC LIMIT :limit";

    String MEDIA_TWEETS_BY = "SELECT 0 AS kind, t.id AS id, t.id AS tweet_id, t.created_at AS sort_at "
            + "FROM tweets t WHERE t.user_id = :user AND t.media = TRUE AND " + TWEET_BEFORE + " AND " + VISIBLE
            + " ORDER BY t.user_id, t.media, t.created_at DESC, t.id DESC LIMIT :limit";
    String MEDIA_REPLIES_BY = "SELECT 1 AS kind, r.id AS id, r.tweet_id AS tweet_id, r.created_at AS sort_at "
            + "FROM replies r JOIN tweets t ON t.id = r.tweet_id WHERE r.user_id = :user AND r.media = TRUE AND "
            + REPLY_BEFORE + " AND " + VISIBLE + " AND " + REPLY_AUTHOR_SEEN
            + " ORDER BY r.user_id, r.media, r.created_at DESC, r.id DESC LIMIT :limit";

    /** Tweets / replies the user liked, at the time of the like. */
    String TWEETS_LIKED_BY = "SELECT 0 AS kind, l.tweet_id AS id, l.tweet_id AS tweet_id, l.created_at AS sort_at "
            + "FROM tweet_likes l JOIN tweets t ON t.id = l.tweet_id WHERE l.user_id = :user AND "
            + TWEET_LIKE_BEFORE + " AND " + VISIBLE
            + " ORDER BY l.user_id, l.created_at DESC, l.tweet_id DESC LIMIT :limit";
    String REPLIES_LIKED_BY = "SELECT 1 AS kind, rl.reply_id AS id, r.tweet_id AS tweet_id, "
            + "rl.created_at AS sort_at FROM reply_likes rl JOIN replies r ON r.id = rl.reply_id "
            + "JOIN tweets t ON t.id = r.tweet_id WHERE rl.user_id = :user AND " + REPLY_LIKE_BEFORE
            + " AND " + VISIBLE + " AND " + REPLY_AUTHOR_SEEN + " ORDER BY rl.user_id, rl.created_at DESC, rl.reply_id DESC LIMIT :limit";

    String MERGED = " ORDER BY sort_at DESC, kind DESC, id DESC LIMIT :limit";

    /** get_user_tweets_and_replies. */
    @SqlQuery("SELECT * FROM (" + TWEETS_BY + ") a UNION ALL SELECT * FROM (" + REPLIES_BY + ") b" + MERGED)
    List<ActivityRow> tweetsAndReplies(@Bind("user") long userId, @Bind("viewer") long viewerUserId,
                                       @Bind("beforeAt") Instant beforeAt, @Bind("beforeKind") int beforeKind,
                                       @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** get_user_replies. */
    @SqlQuery(REPLIES_BY)
    List<ActivityRow> replies(@Bind("user") long userId, @Bind("viewer") long viewerUserId,
                              @Bind("beforeAt") Instant beforeAt, @Bind("beforeKind") int beforeKind,
                              @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** get_user_media. */
    @SqlQuery("SELECT * FROM (" + MEDIA_TWEETS_BY + ") a UNION ALL SELECT * FROM (" + MEDIA_REPLIES_BY + ") b"
            + MERGED)
    List<ActivityRow> media(@Bind("user") long userId, @Bind("viewer") long viewerUserId,
                            @Bind("beforeAt") Instant beforeAt, @Bind("beforeKind") int beforeKind,
                            @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** get_liked. */
    @SqlQuery("SELECT * FROM (" + TWEETS_LIKED_BY + ") a UNION ALL SELECT * FROM (" + REPLIES_LIKED_BY + ") b"
            + MERGED)
    List<ActivityRow> liked(@Bind("user") long userId, @Bind("viewer") long viewerUserId,
                            @Bind("beforeAt") Instant beforeAt, @Bind("beforeKind") int beforeKind,
                            @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** The user exists and the viewer may see their profile ({@link dev.raven.tweet.TweetSql#USER_SEEN}). */
    @SqlQuery("SELECT COUNT(*) > 0 FROM users u WHERE u.id = :id AND " + dev.raven.tweet.TweetSql.USER_SEEN)
    boolean userExists(@Bind("id") long userId, @Bind("viewer") long viewerUserId);
}
