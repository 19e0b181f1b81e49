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
 *
 * <p>The same row brings what GET current_user answers ({@code account}), so that route needs
 * no statement of its own: one primary-key join more per session read, a round trip less
 * for the route every client calls at start. Only as read now: a session from the
 * {@link SessionCache} has none (a profile's picture or alias may have changed since).
 */
record LiveSession(long userId, long sessionId, String username, boolean staff, Instant expiresAt,
                   AuthResponses.CurrentUser account) {
    private static final String COLUMNS = "SELECT u.id, s.id, u.username, (u.role <> 'user'), s.expires_at, "
            + "p.id, p.image_url, p.alias, u.email, u.mode";
    private static final String FROM = " FROM login_sessions s JOIN users u ON u.id = s.user_id "
            + "LEFT JOIN profiles p ON p.user_id = u.id ";
    /** Live: not revoked, not expired, the account active. */
    private static final String LIVE = " AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active = TRUE";
    private static final String BY_ID = "WHERE s.id = :sessionId AND s.user_id = :userId" + LIVE;
    private static final String BY_WEB_TOKEN = "WHERE s.web_token_hash = :hash" + LIVE;
    /** With PostgreSQL the same row brings the shared write counter (the last column), which the request then needs not read. */
    private static final String WITH_EPOCH = COLUMNS + ", " + WriteEpoch.COLUMN + FROM;
    private static final int EPOCH_COLUMN = 11;

    private static final RowMapper<LiveSession> ROW = (rs, ctx) -> {
        long userId = rs.getLong(1);
        long profileId = rs.getLong(6);
        AuthResponses.CurrentUser account = rs.wasNull() ? null : new AuthResponses.CurrentUser(userId, profileId,
                rs.getString(7), rs.getString(3), rs.getString(8), rs.getString(9), rs.getString(10));
        return new LiveSession(userId, rs.getLong(2), rs.getString(3), rs.getBoolean(4), Columns.instant(rs, 5),
                account);
    };

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
            WriteEpoch.readWithSession(handle, rs.getLong(EPOCH_COLUMN));
            return ROW.map(rs, ctx);
        }).findOne();
    }

    /** This session without the account read with it: what the cache keeps. */
    LiveSession withoutAccount() {
        return account == null ? this : new LiveSession(userId, sessionId, username, staff, expiresAt, null);
    }

    Principal principal() {
        return new Principal(userId, sessionId, username, staff);
    }
}
