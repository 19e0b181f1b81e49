package dev.raven.health;

import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** GET /health: 200 when the database answers, 503 when it does not. */
public final class HealthHandler {
    private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);
    private final Jdbi jdbi;

    public HealthHandler(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void health(Context ctx) {
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            ctx.status(200).json(Map.of("status", "ok"));
        } catch (RuntimeException e) {
            log.warn("Health check failed: {}", e.getMessage());
            ctx.status(503).json(Map.of("status", "unavailable", "message", "Database is not answering.",
                    "code", "database_unavailable"));
        }
    }
}
