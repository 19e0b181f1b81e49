package dev.raven.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.function.BiConsumer;

/**
 * Sees every SQL error that passes through the pool, wherever it came from (a request, the
 * health check, housekeeping), and acts on database faults. When a write fails for lack of
 * space, embedded H2 closes its database, yet its connections still call themselves valid,
 * so the pool would hand them out dead forever: here they are all retired instead, and the
 * next connection the pool makes opens the database file afresh.
 */
final class FaultWatch implements SQLExceptionOverride {
    private final boolean embedded;
    private final BiConsumer<DatabaseFault, SQLException> listener;
    private volatile HikariDataSource pool;

    FaultWatch(boolean embedded, BiConsumer<DatabaseFault, SQLException> listener) {
        this.embedded = embedded;
        this.listener = listener;
    }

    void watch(HikariDataSource pool) {
        this.pool = pool;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        DatabaseFault.of(e).ifPresent(fault -> {
            HikariDataSource watched = pool;
            if (embedded && fault != DatabaseFault.UNREACHABLE && watched != null && !watched.isClosed()) {
                // Idle connections close now, busy ones when handed back; none is used again.
                watched.getHikariPoolMXBean().softEvictConnections();
            }
            listener.accept(fault, e);
        });
        // The pool's own judgement stands for everything else (PostgreSQL's broken connections).
        return Override.CONTINUE_EVICT;
    }
}
