package dev.raven.moderation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invite codes (registration.mode=invite). */
@RegisterConstructorMapper(Invite.class)
public interface InviteDao {
    String COLUMNS = "i.id, i.code, i.max_uses, i.uses, i.expires_at, i.created_at, i.created_by, "
            + "u.username AS created_by_username";

    @SqlUpdate("INSERT INTO invites (code, created_by, max_uses, expires_at, created_at) "
            + "VALUES (:code, :by, :maxUses, :expiresAt, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("code") String code, @Bind("by") long createdBy, @Bind("maxUses") int maxUses,
                @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

    /**
     * Spends one use of a live code, atomically: 1 when it was valid, 0 when it is unknown,
     * used up or expired. Concurrent registrations with the last use cannot both succeed.
     */
    @SqlUpdate("UPDATE invites SET uses = uses + 1 WHERE code = :code AND uses < max_uses AND expires_at > :now")
    int spend(@Bind("code") String code, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM invites i LEFT JOIN users u ON u.id = i.created_by WHERE i.id = :id")
    Optional<Invite> find(@Bind("id") long id);

    /** One creator's invites, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM invites i LEFT JOIN users u ON u.id = i.created_by "
            + "WHERE i.created_by = :by AND i.created_at <= :beforeAt AND (i.created_at < :beforeAt OR i.id < :beforeId) "
            + "ORDER BY i.created_by, i.created_at DESC, i.id DESC LIMIT :limit")
    List<Invite> byCreator(@Bind("by") long createdBy, @Bind("beforeAt") Instant beforeAt,
                           @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** Every invite, newest first (admins). */
    @SqlQuery("SELECT " + COLUMNS + " FROM invites i LEFT JOIN users u ON u.id = i.created_by "
            + "WHERE i.created_at <= :beforeAt AND (i.created_at < :beforeAt OR i.id < :beforeId) "
            + "ORDER BY i.created_at DESC, i.id DESC LIMIT :limit")
    List<Invite> all(@Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlUpdate("DELETE FROM invites WHERE id = :id")
    int delete(@Bind("id") long id);
}
