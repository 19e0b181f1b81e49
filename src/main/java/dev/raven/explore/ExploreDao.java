package dev.raven.explore;

import dev.raven.db.ListRow;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

import static dev.raven.tweet.TweetSql.BEFORE;
import static dev.raven.tweet.TweetSql.DISCOVERABLE;
import static dev.raven.tweet.TweetSql.NOT_MUTED;
import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * Explore's pages of tweet ids. Candidates are the tweets of the recent window
 * ({@code :since}, from explore.window) by people the viewer neither is nor follows, that
 * the viewer may see. For such authors the visibility rule comes down to {@code is_public};
 * it is stated as well so that the (is_public, created_at, id) index bounds every query to
 * the window's public tweets, whatever the size of the table. The ranked lists score at
 * most the newest {@code :candidates} of them, so that a busy week cannot make them slow.
 */
@RegisterRowMapper(ListRow.Mapper.class)
@RegisterConstructorMapper(ExploreDao.RankedRow.class)
public interface ExploreDao {

    String CANDIDATE = "t.is_public = TRUE AND t.created_at >= :since AND t.user_id <> :viewer "
            + "AND NOT EXISTS (SELECT 1 FROM follows ef WHERE ef.follower_id = :viewer AND ef.followed_id = t.user_id) "
            + "AND " + VISIBLE + " AND " + NOT_MUTED + " AND " + DISCOVERABLE;

    /** get_top's score, from the tweet's counters. */
    String TOP_SCORE = "t.likes_count + t.retweets_count + t.replies_count + t.saves_count";
    /** get_explore_media's score: replies do not count. */
    String MEDIA_SCORE = "t.likes_count + t.retweets_count + t.saves_count";

    /** Ranked lists score the newest candidates, then page by keyset on (score, id), highest first. */
    String RANKED_PAGE = " ORDER BY t.is_public, t.created_at DESC, t.id DESC LIMIT :candidates) c "
            + "WHERE c.score < :beforeScore OR (c.score = :beforeScore AND c.id < :beforeId) "
            + "ORDER BY c.score DESC, c.id DESC LIMIT :limit";

    /** get_latest: newest first, an index range read in order that stops after a page. */
    @SqlQuery("SELECT t.id, t.created_at AS sort_at FROM tweets t WHERE " + CANDIDATE + " AND " + BEFORE
            + " ORDER BY t.is_public, t.created_at DESC, t.id DESC LIMIT :limit")
    List<ListRow> latest(@Bind("viewer") long viewerUserId, @Bind("since") Instant since,
                         @Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                         @Bind("limit") int limit);

    /** get_top: the candidates are scored, then one page is taken. */
    @SqlQuery("SELECT c.id, c.score FROM (SELECT t.id, " + TOP_SCORE + " AS score FROM tweets t WHERE "
            + CANDIDATE + RANKED_PAGE)
    List<RankedRow> top(@Bind("viewer") long viewerUserId, @Bind("since") Instant since,
                        @Bind("candidates") int candidates, @Bind("beforeScore") long beforeScore,
                        @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** get_explore_media: candidates with media, by likes + retweets + saves. */
    @SqlQuery("SELECT c.id, c.score FROM (SELECT t.id, " + MEDIA_SCORE + " AS score FROM tweets t WHERE "
            + "t.media = TRUE AND " + CANDIDATE + RANKED_PAGE)
    List<RankedRow> media(@Bind("viewer") long viewerUserId, @Bind("since") Instant since,
                          @Bind("candidates") int candidates, @Bind("beforeScore") long beforeScore,
                          @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** A tweet of a ranked list and its score. */
    record RankedRow(long id, long score) {
    }
}
