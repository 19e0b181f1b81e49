package dev.raven.auth;

import dev.raven.db.Columns;
import dev.raven.db.WriteEpoch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A session found live in the database, with the person behind it and when it ends unless
 * extended. Read with a plain query and a hand-written row mapper: on this path, once per
 * request, attaching a SqlObject and its reflective constructor mapper cost more than the
 * query itself (profile in docs/BENCHMARKS.md).
 */
record LiveSession(long userId, long sessionId, String username, boolean staff, Instant expiresAt) {
    private static final String COLUMNS = "SELECT u.id, s.id, u.username, (u.role <> 'user'), s.expires_at";
    private static final String FROM = " FROM login_sessions s JOIN users u ON u.id = s.user_id ";
    /** Live: not revoked, not expired, the account active. */
    private static final String LIVE = " AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active = TRUE";
    private static final String BY_ID = "WHERE s.id = :sessionId AND s.user_id = :userId" + LIVE;
    private static final String BY_WEB_TOKEN = "WHERE s.web_token_hash = :hash" + LIVE;
    /** With PostgreSQL the same row brings the shared write counter (column 6), which the request then needs not read. */
    private static final String WITH_EPOCH = COLUMNS + ", " + WriteEpoch.COLUMN + FROM;

    private static final RowMapper<LiveSession> ROW = (rs, ctx) -> new LiveSession(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getBoolean(4), Columns.instant(rs, 5));

    /** The session behind an access token's claims, if it is live and its account active. */
    static Optional<LiveSession> find(Handle handle, AccessTokens.AccessClaims claims, Instant now) {
        return read(handle, BY_ID, q -> q.bind("sessionId", claims.sessionId()).bind("userId", claims.userId())
                .bind("now", now));
    }

    /** The browser session whose cookie token hashes to {@code tokenHash}, if it is live and its account active. */
    static Optional<LiveSession> findByWebToken(Handle handle, String tokenHash, Instant now) {
        return read(handle, BY_WEB_TOKEN, q -> q.bind("hash", tokenHash).bind("now", now));
    }

    private static Optional<LiveSession> read(Handle handle, String where, UnaryOperator<Query> binds) {
        if (!WriteEpoch.isOn(handle)) {
            return binds.apply(handle.createQuery(COLUMNS + FROM + where)).map(ROW).findOne();
        }
        return binds.apply(handle.createQuery(WITH_EPOCH + where)).map((rs, ctx) -> {
            WriteEpoch.readWithSession(handle, rs.getLong(6));
            return ROW.map(rs, ctx);
        }).findOne();
    }

    Principal principal() {
        return new Principal(userId, sessionId, username, staff);
    }
}
