package dev.raven.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

    FaultWatch(boolean embedded, BiConsumer<DatabaseFault, SQLException> listener) {
        this.embedded = embedded;
        this.listener = listener;
    }

    /** A pool whose connections are retired on a fault of the embedded database (every pool on it). */
    void watch(HikariDataSource pool) {
        pools.add(pool);
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        DatabaseFault.of(e).ifPresent(fault -> {
            if (embedded && fault != DatabaseFault.UNREACHABLE) {
                // Idle connections close now, busy ones when handed back; none is used again.
                for (HikariDataSource watched : pools) {
                    if (!watched.isClosed()) {
                        watched.getHikariPoolMXBean().softEvictConnections();
                    }
                }
            }
            listener.accept(fault, e);
        });
        // The pool's own judgement stands for everything else (PostgreSQL's broken connections).
        return Override.CONTINUE_EVICT;
    }
}
