package dev.raven.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Transactions that are retried when the database gave up on them because of a
 * concurrent one (deadlock, serialization failure); the retry sees the other's result.
 */
public final class Transactions {
    private static final int ATTEMPTS = 5;
    /** 40001: serialization failure (H2 reports deadlocks so too); 40P01: PostgreSQL deadlock. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");
    /** H2: concurrent update of the same row in another transaction. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private Transactions() {
    }

    public static <R> R inTransaction(Jdbi jdbi, HandleCallback<R, RuntimeException> callback) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(callback);
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    public static void useTransaction(Jdbi jdbi, java.util.function.Consumer<Handle> body) {
        inTransaction(jdbi, h -> {
            body.accept(h);
            return null;
        });
    }

    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && RETRYABLE_STATES.contains(s.getSQLState())
                            || s.getErrorCode() == H2_CONCURRENT_UPDATE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
