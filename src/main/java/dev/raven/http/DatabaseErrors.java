package dev.raven.http;

import dev.raven.db.DatabaseFault;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Database faults ({@link DatabaseFault}) as JSON instead of 500s: a full disk is a 507
 * insufficient_storage, a closed or unreachable database a 503 database_unavailable with
 * Retry-After. A fault fails every request until it passes, so each kind is logged in one
 * line at most once a minute, with a count of the ones not logged, never a stack trace per
 * request. Any other database error is unexpected: a 500, logged in full by {@link ErrorMapper}.
 */
public final class DatabaseErrors {
    private static final Logger log = LoggerFactory.getLogger(DatabaseErrors.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Map<DatabaseFault, Throttle> throttles = new EnumMap<>(DatabaseFault.class);

    private DatabaseErrors() {
        for (DatabaseFault fault : DatabaseFault.values()) {
            throttles.put(fault, new Throttle());
        }
    }

    public static void install(JavalinConfig config) {
        DatabaseErrors errors = new DatabaseErrors();
        config.routes.exception(JdbiException.class, errors::answer);
    }

    void answer(JdbiException e, Context ctx) {
        Optional<DatabaseFault> fault = DatabaseFault.of(e);
        if (fault.isEmpty()) {
            ErrorMapper.unexpected(e, ctx);
            return;
        }
        ApiException answer = fault.get() == DatabaseFault.DISK_FULL ? ApiException.insufficientStorage()
                : new ApiException(503, "database_unavailable",
                "The database is not answering right now; try again in a few seconds.",
                Map.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
        long notLogged = throttles.get(fault.get()).passedOver();
        if (notLogged >= 0) {
            log.warn("{} {} answered {} {}: database fault {}: {}{}", ctx.method(), ctx.path(), answer.status(),
                    answer.code(), fault.get(), DatabaseFault.rootCause(e),
                    notLogged == 0 ? "" : " (" + notLogged + " more since the last such line)");
        }
        ErrorMapper.apiError(answer, ctx);
    }

    /** Lets one log line through a minute; counts the others. */
    private static final class Throttle {
        /** Starts a minute back, so that the first line goes through. */
        private final AtomicLong lastLoggedAt = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
        private final AtomicLong skipped = new AtomicLong();

        /** The number of lines skipped since the last one, if this one is to be logged; else -1. */
        long passedOver() {
            long now = System.nanoTime();
            long last = lastLoggedAt.get();
            if (now - last >= LOG_EVERY_NANOS && lastLoggedAt.compareAndSet(last, now)) {
                return skipped.getAndSet(0);
            }
            skipped.incrementAndGet();
            return -1;
        }
    }
}
