package dev.raven.health;

import dev.raven.storage.StorageGuard;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /health: 200 when the database answers, 503 when it does not. With the embedded
 * database it also says whether data.dir has room for changes ("storage"); low space keeps
 * the 200, since reads are still served and a restart would not free any space.
 */
public final class HealthHandler {
    private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);
    private final Jdbi jdbi;
    private final StorageGuard storage;

    public HealthHandler(Jdbi jdbi, StorageGuard storage) {
        this.jdbi = jdbi;
        this.storage = storage;
    }

    public void health(Context ctx) {
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            log.warn("Health check failed: {}", e.getMessage());
            ctx.status(503).json(Map.of("status", "unavailable", "message", "Database is not answering.",
                    "code", "database_unavailable"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        storage.report().ifPresent(report -> {
            body.put("storage", report.level().label());
            if (report.level() != StorageGuard.Level.OK) {
                report.freeBytes().ifPresent(free -> body.put("free_bytes", free));
                body.put("min_free_bytes", report.minFreeBytes());
            }
        });
        ctx.status(200).json(body);
    }
}
