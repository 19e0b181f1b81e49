package dev.raven.profile;

import dev.raven.db.ListRow;
import dev.raven.tweet.TweetSql;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** Rows of follows (between users) and the follower/following counters that count them. */
@RegisterRowMapper(ListRow.Mapper.class)
public interface FollowDao {

    @SqlQuery("SELECT COUNT(*) > 0 FROM follows WHERE follower_id = :follower AND followed_id = :followed")
    boolean isFollowing(@Bind("follower") long followerUserId, @Bind("followed") long followedUserId);

    @SqlUpdate("DELETE FROM follows WHERE follower_id = :follower AND followed_id = :followed")
    int delete(@Bind("follower") long followerUserId, @Bind("followed") long followedUserId);

    @SqlUpdate("INSERT INTO follows (follower_id, followed_id, created_at) VALUES (:follower, :followed, :now)")
    void insert(@Bind("follower") long followerUserId, @Bind("followed") long followedUserId,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE profiles SET followers_count = followers_count + :delta WHERE user_id = :userId")
    void addFollowers(@Bind("userId") long userId, @Bind("delta") int delta);

    @SqlUpdate("UPDATE profiles SET following_count = following_count + :delta WHERE user_id = :userId")
    void addFollowing(@Bind("userId") long userId, @Bind("delta") int delta);

    /** Who follows :followed, newest follow first: (follower user id, followed at). */
    @SqlQuery("SELECT f.follower_id AS id, f.created_at AS sort_at FROM follows f "
            + "WHERE f.followed_id = :followed "
            + "AND f.created_at <= :beforeAt AND (f.created_at < :beforeAt OR f.follower_id < :beforeId) "
            + "AND " + TweetSql.FOLLOWER_SEEN
            + " ORDER BY f.followed_id, f.created_at DESC, f.follower_id DESC LIMIT :limit")
    List<ListRow> followers(@Bind("followed") long followedUserId, @Bind("viewer") long viewerUserId,
                            @Bind("beforeAt") Instant beforeAt,
                            @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** Whom :follower follows, newest follow first: (followed user id, followed at). */
    @SqlQuery("SELECT f.followed_id AS id, f.created_at AS sort_at FROM follows f "
            + "WHERE f.follower_id = :follower "
            + "AND f.created_at <= :beforeAt AND (f.created_at < :beforeAt OR f.followed_id < :beforeId) "
            + "AND " + TweetSql.FOLLOWED_SEEN
            + " ORDER BY f.follower_id, f.created_at DESC, f.followed_id DESC LIMIT :limit")
    List<ListRow> following(@Bind("follower") long followerUserId, @Bind("viewer") long viewerUserId,
                            @Bind("beforeAt") Instant beforeAt,
                            @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** Before a user is deleted: everyone they follow loses a follower... */
    @SqlUpdate("UPDATE profiles SET followers_count = followers_count - 1 "
            + "WHERE user_id IN (SELECT followed_id FROM follows WHERE follower_id = :userId)")
    void uncountFollowsBy(@Bind("userId") long userId);

    /** ...and everyone who follows them follows one fewer. */
    @SqlUpdate("UPDATE profiles SET following_count = following_count - 1 "
            + "WHERE user_id IN (SELECT follower_id FROM follows WHERE followed_id = :userId)")
    void uncountFollowsOf(@Bind("userId") long userId);
}
