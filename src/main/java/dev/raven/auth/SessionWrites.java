package dev.raven.auth;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Watches every statement run through Raven's Jdbi for writes that can end a session or
 * change the person behind it (any UPDATE or DELETE of login_sessions or users), and
 * invalidates the {@link SessionCache} once such a write is committed: at once outside a
 * transaction, else when the handle that ran it closes (after its commit or rollback). Watching
 * the statements, not the call sites, keeps a new way to revoke or suspend from being missed.
 */
public final class SessionWrites implements StatementCustomizer, HandleListener {
    private static final Pattern SESSION_OR_USER_WRITE = Pattern.compile(
            "^\\s*(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+(login_sessions|users)\\b",
            Pattern.CASE_INSENSITIVE);

    private final SessionCache cache;
    /** Connections of open transactions that wrote sessions or users (a pooled connection per handle). */
    private final Set<Connection> pending = ConcurrentHashMap.newKeySet();

    private SessionWrites(SessionCache cache) {
        this.cache = cache;
    }

    /** Makes {@code jdbi} invalidate {@code cache} on every committed session or user write. */
    public static void watch(Jdbi jdbi, SessionCache cache) {
        SessionWrites writes = new SessionWrites(cache);
        jdbi.addCustomizer(writes);
        jdbi.getConfig(Handles.class).addListener(writes);
    }

    static boolean changesSessions(String sql) {
        return sql != null && SESSION_OR_USER_WRITE.matcher(sql).find();
    }

    @Override
    public void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        if (!changesSessions(ctx.getRenderedSql())) {
            return;
        }
        // Now as well: later reads inside the transaction must not refill the cache from
        // before it; the second invalidation at close covers reads between the two.
        cache.invalidateAll();
        Connection connection = ctx.getConnection();
        if (!connection.getAutoCommit()) {
            pending.add(connection);
        }
    }

    @Override
    public void handleClosed(Handle handle) {
        if (!pending.isEmpty() && pending.remove(handle.getConnection())) {
            cache.invalidateAll();
        }
    }
}
