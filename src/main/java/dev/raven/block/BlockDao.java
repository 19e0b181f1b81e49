package dev.raven.block;

import dev.raven.db.ListRow;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** Rows of blocks and mutes; each question is a primary-key (or blocks_blocked) probe. */
@RegisterRowMapper(ListRow.Mapper.class)
public interface BlockDao {

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :a AND blocked_id = :b) "
            + "OR EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :b AND blocked_id = :a)")
    boolean eitherBlocks(@Bind("a") long a, @Bind("b") long b);

    @SqlQuery("SELECT COUNT(*) > 0 FROM blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
    boolean blocks(@Bind("blocker") long blocker, @Bind("blocked") long blocked);

    @SqlQuery("SELECT COUNT(*) > 0 FROM mutes WHERE muter_id = :muter AND muted_id = :muted")
    boolean mutes(@Bind("muter") long muter, @Bind("muted") long muted);

    @SqlUpdate("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (:blocker, :blocked, :now)")
    void insertBlock(@Bind("blocker") long blocker, @Bind("blocked") long blocked, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
    int deleteBlock(@Bind("blocker") long blocker, @Bind("blocked") long blocked);

    @SqlUpdate("INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (:muter, :muted, :now)")
    void insertMute(@Bind("muter") long muter, @Bind("muted") long muted, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM mutes WHERE muter_id = :muter AND muted_id = :muted")
    int deleteMute(@Bind("muter") long muter, @Bind("muted") long muted);

    /** The caller's blocks, newest first: (blocked user id, blocked at). */
    @SqlQuery("SELECT b.blocked_id AS id, b.created_at AS sort_at FROM blocks b WHERE b.blocker_id = :user "
            + "AND b.created_at <= :beforeAt AND (b.created_at < :beforeAt OR b.blocked_id < :beforeId) "
            + "ORDER BY b.blocker_id, b.created_at DESC, b.blocked_id DESC LIMIT :limit")
    List<ListRow> blocked(@Bind("user") long userId, @Bind("beforeAt") Instant beforeAt,
                          @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** The caller's mutes, newest first: (muted user id, muted at). */
    @SqlQuery("SELECT m.muted_id AS id, m.created_at AS sort_at FROM mutes m WHERE m.muter_id = :user "
            + "AND m.created_at <= :beforeAt AND (m.created_at < :beforeAt OR m.muted_id < :beforeId) "
            + "ORDER BY m.muter_id, m.created_at DESC, m.muted_id DESC LIMIT :limit")
    List<ListRow> muted(@Bind("user") long userId, @Bind("beforeAt") Instant beforeAt,
                        @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) > 0 FROM users WHERE id = :id AND status = 'active'")
    boolean activeUser(@Bind("id") long userId);
}
