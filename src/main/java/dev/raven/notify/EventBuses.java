package dev.raven.notify;

import dev.raven.config.RavenConfig;
import org.jdbi.v3.core.Jdbi;

/** The event bus for the database in use. */
public final class EventBuses {
    private EventBuses() {
    }

    /** PostgreSQL: LISTEN/NOTIFY, so every instance on the database hears every event. The embedded H2: in process. */
    public static EventBus open(RavenConfig config, Jdbi jdbi) {
        if (config.isH2()) {
            return new LocalEventBus();
        }
        PostgresEventBus bus = new PostgresEventBus(config, jdbi);
        bus.start();
        return bus;
    }
}
