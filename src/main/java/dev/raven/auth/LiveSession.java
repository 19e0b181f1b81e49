package dev.raven.auth;

import dev.raven.db.Columns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;

/**
 * A session found live in the database, with the person behind it and when it ends unless
 * extended. Read with a plain query and a hand-written row mapper: on this path, once per
 * request, attaching a SqlObject and its reflective constructor mapper cost more than the
 * query itself (profile in docs/BENCHMARKS.md).
 */
record LiveSession(long userId, long sessionId, String username, boolean staff, Instant expiresAt) {
    private static final String SELECT = "SELECT u.id, s.id, u.username, (u.role <> 'user'), s.expires_at "
            + "FROM login_sessions s JOIN users u ON u.id = s.user_id ";
    /** Live: not revoked, not expired, the account active. */
    private static final String LIVE = " AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active = TRUE";
    private static final String FIND = SELECT + "WHERE s.id = :sessionId AND s.user_id = :userId" + LIVE;
    private static final String FIND_WEB = SELECT + "WHERE s.web_token_hash = :hash" + LIVE;

    private static final RowMapper<LiveSession> ROW = (rs, ctx) -> new LiveSession(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getBoolean(4), Columns.instant(rs, 5));

    /** The session behind an access token's claims, if it is live and its account active. */
    static Optional<LiveSession> find(Handle handle, AccessTokens.AccessClaims claims, Instant now) {
        return handle.createQuery(FIND)
                .bind("sessionId", claims.sessionId())
                .bind("userId", claims.userId())
                .bind("now", now)
                .map(ROW)
                .findOne();
    }

    /** The browser session whose cookie token hashes to {@code tokenHash}, if it is live and its account active. */
    static Optional<LiveSession> findByWebToken(Handle handle, String tokenHash, Instant now) {
        return handle.createQuery(FIND_WEB).bind("hash", tokenHash).bind("now", now).map(ROW).findOne();
    }

    Principal principal() {
        return new Principal(userId, sessionId, username, staff);
    }
}
