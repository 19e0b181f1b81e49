package dev.raven.auth;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** The browser side of login sessions: the hash of the cookie's token (migration V5). */
@RegisterConstructorMapper(Principal.class)
interface WebSessionDao {

    @SqlUpdate("UPDATE login_sessions SET web_token_hash = :hash WHERE id = :id")
    void setWebToken(@Bind("id") long sessionId, @Bind("hash") String hash);

    /** The same liveness rule as {@link SessionDao#findPrincipal}: live session, active account. */
    @SqlQuery("SELECT u.id AS user_id, s.id AS session_id, u.username, (u.role <> 'user') AS staff "
            + "FROM login_sessions s JOIN users u ON u.id = s.user_id "
            + "WHERE s.web_token_hash = :hash AND s.revoked_at IS NULL "
            + "AND s.expires_at > :now AND u.is_active = TRUE")
    Optional<Principal> findPrincipal(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlQuery("SELECT mode FROM users WHERE id = :id")
    Optional<String> mode(@Bind("id") long userId);
}
