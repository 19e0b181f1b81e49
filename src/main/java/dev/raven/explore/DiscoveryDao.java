package dev.raven.explore;

import dev.raven.tweet.TweetSql;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The user ids behind most_popular, who_to_follow and search, best first. */
public interface DiscoveryDao {

    /** A profile {@code p} the viewer does not follow. */
    String NOT_FOLLOWED = "NOT EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = :viewer "
            + "AND vf.followed_id = p.user_id)";

    /**
     * A profile {@code p} fit to suggest or find: active, not silenced, not in a block with
     * the viewer, not muted by the viewer.
     */
    String FINDABLE = TweetSql.PROFILE_FINDABLE;

    /** Most followers first; reads the (followers_count, user_id) index from the top. */
    @SqlQuery("SELECT p.user_id FROM profiles p WHERE p.user_id <> :viewer AND " + NOT_FOLLOWED + " AND " + FINDABLE
            + " ORDER BY p.followers_count DESC, p.user_id LIMIT :limit")
    List<Long> mostPopular(@Bind("viewer") long viewerUserId, @Bind("limit") int limit);

    /**
     * Profiles followed by the people the viewer follows (their :sources most recent
     * follows), not the viewer and not already followed: by how many of those people
     * follow them, then by followers. Cost grows with the follows of those people, not
     * with the number of users.
     */
    @SqlQuery("SELECT f.followed_id FROM (SELECT s.followed_id FROM follows s WHERE s.follower_id = :viewer "
            + "ORDER BY s.follower_id, s.created_at DESC, s.followed_id DESC LIMIT :sources) src "
            + "JOIN follows f ON f.follower_id = src.followed_id "
            + "JOIN profiles p ON p.user_id = f.followed_id "
            + "WHERE f.followed_id <> :viewer AND " + NOT_FOLLOWED + " AND " + FINDABLE
            + " GROUP BY f.followed_id, p.followers_count "
            + "ORDER BY COUNT(*) DESC, p.followers_count DESC, f.followed_id LIMIT :limit")
    List<Long> followedByFollowed(@Bind("viewer") long viewerUserId, @Bind("sources") int sources,
                                  @Bind("limit") int limit);

    /** Search ranking: exact match, then prefix, then substring; then most followers. */
    String USERNAME_RANK = "CASE WHEN u.username_key = :exact THEN 0 "
            + "WHEN u.username_key LIKE :prefix ESCAPE '!' THEN 1 ELSE 2 END";
    String NAME_RANK = "CASE WHEN u.username_key = :exact OR LOWER(p.alias) = :exact THEN 0 "
            + "WHEN u.username_key LIKE :prefix ESCAPE '!' OR LOWER(p.alias) LIKE :prefix ESCAPE '!' THEN 1 "
            + "ELSE 2 END";

    /** search @name: usernames containing the text (username_key is the lower-cased username). */
    @SqlQuery("SELECT p.user_id FROM profiles p JOIN users u ON u.id = p.user_id "
            + "WHERE u.username_key LIKE :contains ESCAPE '!' AND " + FINDABLE
            + " ORDER BY " + USERNAME_RANK + ", p.followers_count DESC, p.user_id LIMIT :limit")
    List<Long> searchUsernames(@Bind("viewer") long viewerUserId, @Bind("exact") String exact, @Bind("prefix") String prefix,
                               @Bind("contains") String contains, @Bind("limit") int limit);

    /** search: usernames or aliases containing the text. */
    @SqlQuery("SELECT p.user_id FROM profiles p JOIN users u ON u.id = p.user_id "
            + "WHERE (u.username_key LIKE :contains ESCAPE '!' OR LOWER(p.alias) LIKE :contains ESCAPE '!') AND "
            + FINDABLE + " ORDER BY " + NAME_RANK + ", p.followers_count DESC, p.user_id LIMIT :limit")
    List<Long> searchNames(@Bind("viewer") long viewerUserId, @Bind("exact") String exact, @Bind("prefix") String prefix,
                           @Bind("contains") String contains, @Bind("limit") int limit);
}
