package dev.raven.tag;

import dev.raven.db.ListRow;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

import static dev.raven.tweet.TweetSql.DISCOVERABLE;
import static dev.raven.tweet.TweetSql.NOT_MUTED;
import static dev.raven.tweet.TweetSql.VISIBLE;

/** Pages of tweets by hashtag, and the trending tags. */
@RegisterRowMapper(ListRow.Mapper.class)
@RegisterConstructorMapper(TrendingTag.class)
interface TagDao {

    /** One tag's tweets the viewer may see, newest first: one index range of tweet_tags. */
    @SqlQuery("SELECT g.tweet_id AS id, g.created_at AS sort_at FROM tweet_tags g JOIN tweets t ON t.id = g.tweet_id "
            + "WHERE g.tag = :tag AND g.created_at <= :beforeAt AND (g.created_at < :beforeAt OR g.tweet_id < :beforeId) "
            + "AND " + VISIBLE + " AND " + NOT_MUTED + " ORDER BY g.tag, g.created_at DESC, g.tweet_id DESC LIMIT :limit")
    List<ListRow> byTag(@Bind("tag") String tag, @Bind("viewer") long viewerUserId, @Bind("beforeAt") Instant beforeAt,
                        @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /**
     * The tags used most by public tweets of the window, counted over at most the newest
     * {@code :candidates} uses, so that a busy window cannot make it slow (as explore does).
     * Only public tweets count, so the list says nothing about followers-only posts; as in
     * explore, silenced and suspended accounts' tweets do not count.
     */
    @SqlQuery("SELECT c.tag, COUNT(*) AS uses FROM (SELECT g.tag FROM tweet_tags g JOIN tweets t ON t.id = g.tweet_id "
            + "WHERE g.created_at >= :since AND t.is_public = TRUE AND " + DISCOVERABLE + " ORDER BY g.created_at DESC, g.tweet_id DESC "
            + "LIMIT :candidates) c GROUP BY c.tag ORDER BY uses DESC, c.tag LIMIT :limit")
    List<TrendingTag> trending(@Bind("since") Instant since, @Bind("candidates") int candidates,
                               @Bind("limit") int limit);
}
