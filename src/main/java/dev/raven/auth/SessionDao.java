package dev.raven.auth;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** Login sessions and the hashes of their refresh tokens. */
@RegisterConstructorMapper(Principal.class)
@RegisterConstructorMapper(SessionDao.RefreshTokenState.class)
@RegisterConstructorMapper(SessionDao.LastSpent.class)
public interface SessionDao {

    @SqlUpdate("INSERT INTO login_sessions (user_id, created_at, last_used_at, expires_at, user_agent, ip_address) "
            + "VALUES (:userId, :now, :now, :expiresAt, :userAgent, :ip)")
    @GetGeneratedKeys("id")
    long createSession(@Bind("userId") long userId, @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt,
                       @Bind("userAgent") String userAgent, @Bind("ip") String ip);

    @SqlUpdate("INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) "
            + "VALUES (:hash, :sessionId, :now, :expiresAt)")
    void insertRefreshToken(@Bind("hash") String hash, @Bind("sessionId") long sessionId,
                            @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("UPDATE login_sessions SET last_used_at = :now, expires_at = :expiresAt WHERE id = :id")
    void extendSession(@Bind("id") long sessionId, @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT t.session_id, s.user_id, t.spent_at IS NOT NULL AS spent, "
            + "(t.expires_at > :now AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active = TRUE) AS live "
            + "FROM refresh_tokens t JOIN login_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id "
            + "WHERE t.token_hash = :hash")
    Optional<RefreshTokenState> findRefreshToken(@Bind("hash") String hash, @Bind("now") Instant now);

    /**
     * Locks the session's row until the transaction ends, so that refreshes within one session
     * take turns (on every instance) while other sessions go on; returns its last spent token.
     */
    @SqlQuery("SELECT last_spent_hash, last_spent_at FROM login_sessions WHERE id = :id FOR UPDATE")
    Optional<LastSpent> lockSession(@Bind("id") long sessionId);

    /** Spends the token if nobody has: 1 if this call spent it. */
    @SqlUpdate("UPDATE refresh_tokens SET spent_at = :now WHERE token_hash = :hash AND spent_at IS NULL")
    int spendToken(@Bind("hash") String hash, @Bind("now") Instant now);

    /**
     * After the presented token is spent: the session's other unspent tokens, the siblings
     * handed to retries of the token before. The chain stays one line, so a sibling kept
     * elsewhere shows up as reuse later.
     */
    @SqlUpdate("UPDATE refresh_tokens SET spent_at = :now WHERE session_id = :sessionId AND spent_at IS NULL")
    int spendUnspentTokensOf(@Bind("sessionId") long sessionId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE login_sessions SET last_spent_hash = :hash, last_spent_at = :now WHERE id = :id")
    void recordLastSpent(@Bind("id") long sessionId, @Bind("hash") String hash, @Bind("now") Instant now);


    @SqlUpdate("UPDATE login_sessions SET revoked_at = :now, revoked_reason = :reason "
            + "WHERE id = :id AND revoked_at IS NULL")
    int revokeSession(@Bind("id") long sessionId, @Bind("now") Instant now, @Bind("reason") String reason);

    @SqlUpdate("UPDATE login_sessions SET revoked_at = :now, revoked_reason = :reason "
            + "WHERE user_id = :userId AND revoked_at IS NULL AND id <> :keepId")
    int revokeAllSessionsExcept(@Bind("userId") long userId, @Bind("keepId") long keepSessionId,
                                @Bind("now") Instant now, @Bind("reason") String reason);

    /** Removes sessions and tokens that can no longer be used by anyone. */
    @SqlUpdate("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
    int deleteExpiredRefreshTokens(@Bind("cutoff") Instant cutoff);

    @SqlUpdate("DELETE FROM login_sessions WHERE expires_at < :cutoff OR revoked_at < :cutoff")
    int deleteDeadSessions(@Bind("cutoff") Instant cutoff);

    /** What a presented refresh token refers to, and whether it may still be used. */
    record RefreshTokenState(long sessionId, long userId, boolean spent, boolean live) {
    }

    /** The refresh token a session spent last, and when; both null before its first refresh. */
    record LastSpent(String lastSpentHash, Instant lastSpentAt) {
    }
}
