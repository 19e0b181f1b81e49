package dev.raven.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Watches every statement run through a Jdbi for writes that an in-memory copy depends on,
 * and drops the copy once such a write is committed: at once outside a transaction, else when
 * the handle that ran it closes (after its commit or rollback). Watching the statements, not
 * the call sites, keeps a new code path that writes those tables from being missed.
 */
public final class CommittedWrites implements StatementCustomizer, HandleListener {
    private final Predicate<String> matters;
    private final Runnable invalidate;
    /** Also run inside the transaction, at the write (a copy of this process's). */
    private final boolean atOnce;
    /** Connections of open transactions that ran such a write (a pooled connection per handle). */
    private final Set<Connection> pending = ConcurrentHashMap.newKeySet();

    private CommittedWrites(Predicate<String> matters, Runnable invalidate, boolean atOnce) {
        this.matters = new Verdicts(matters);
        this.invalidate = invalidate;
        this.atOnce = atOnce;
    }

    /** Makes {@code jdbi} run {@code invalidate} for every committed statement whose SQL {@code matters}. */
    public static void watch(Jdbi jdbi, Predicate<String> matters, Runnable invalidate) {
        install(jdbi, new CommittedWrites(matters, invalidate, true));
    }

    /**
     * Like {@link #watch}, but {@code action} runs only once the write is committed (or the
     * handle that ran it closed): for telling others, who must not see the change announced
     * before it can be read.
     */
    public static void afterCommit(Jdbi jdbi, Predicate<String> matters, Runnable action) {
        install(jdbi, new CommittedWrites(matters, action, false));
    }

    private static void install(Jdbi jdbi, CommittedWrites writes) {
        jdbi.addCustomizer(writes);
        jdbi.getConfig(Handles.class).addListener(writes);
    }

    @Override
    public void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        String sql = ctx.getRenderedSql();
        if (sql == null || !matters.test(sql)) {
            return;
        }
        Connection connection = ctx.getConnection();
        boolean committed = connection.getAutoCommit();
        if (committed || atOnce) {
            // Now as well: later reads inside the transaction must not refill the copy from
            // before it; the second invalidation at close covers reads between the two.
            invalidate.run();
        }
        if (!committed) {
            pending.add(connection);
        }
    }

    @Override
    public void handleClosed(Handle handle) {
        if (!pending.isEmpty() && pending.remove(handle.getConnection())) {
            invalidate.run();
        }
    }

    /**
     * The verdict per SQL text, remembered: every statement is tested, the texts are few (the
     * constants, and IN lists by length), and the patterns cost 5% of a post's server time. A
     * text with writes inside WITH matters if one of its parts does ({@link StatementParts}).
     */
    private static final class Verdicts implements Predicate<String> {
        /** Far more texts than Raven runs; beyond it (texts built from input?) it starts again. */
        private static final int MAX_TEXTS = 4_096;
        private final Predicate<String> matters;
        private final Map<String, Boolean> known = new ConcurrentHashMap<>();

        Verdicts(Predicate<String> matters) {
            this.matters = matters;
        }

        @Override
        public boolean test(String sql) {
            Boolean verdict = known.get(sql);
            if (verdict == null) {
                verdict = StatementParts.of(sql).stream().anyMatch(matters);
                if (known.size() >= MAX_TEXTS) {
                    known.clear();
                }
                known.put(sql, verdict);
            }
            return verdict;
        }
    }
}
