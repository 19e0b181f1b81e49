package dev.raven.notify;

import dev.raven.config.RavenConfig;
import dev.raven.db.Database;

/** The event bus for the database in use. */
public final class EventBuses {
    private EventBuses() {
    }

    /**
     * PostgreSQL: LISTEN/NOTIFY, so every instance on the database hears every event (sent
     * through a connection of its own, {@code raven-events}). The embedded H2: in process.
     */
    public static EventBus open(RavenConfig config, Database database) {
        if (config.isH2()) {
            return new LocalEventBus();
        }
        PostgresEventBus bus = new PostgresEventBus(config, database.jdbi(), database.dedicatedPool("raven-events", 1));
        bus.start();
        return bus;
    }
}
