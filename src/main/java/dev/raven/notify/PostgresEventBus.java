package dev.raven.notify;

import dev.raven.config.RavenConfig;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Several instances on one PostgreSQL database: NOTIFY once the causing transaction has
 * committed and before its answer (through a connection of its own: {@link NotifySender}),
 * to every listener; LISTEN on one dedicated connection that
 * is not the pool's, so a stream's events never wait for a pooled connection and the pool
 * never loses one. The channel is named after the schema, so instances of different
 * schemas on one server do not hear each other. After a lost connection the listener
 * reconnects and tells the streams to catch up from the database ({@link #RESYNC}).
 */
final class PostgresEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);

    private final String url;
    private final Properties credentials;
    private final String channel;
    private final Thread thread;
    private volatile Consumer<String> listener = e -> { };
    private volatile boolean running = true;
    private volatile Connection connection;
    private final NotifySender sender;

    /** {@code senderPool}: a pool of one connection of its own, for sending. */
    PostgresEventBus(RavenConfig config, Jdbi jdbi, Jdbi senderPool) {
        this.url = config.effectiveDbUrl();
        this.credentials = new Properties();
        if (!config.dbUser().isEmpty()) {
            credentials.setProperty("user", config.dbUser());
        }
        if (!config.dbPassword().isEmpty()) {
            credentials.setProperty("password", config.dbPassword());
        }
        String schema = jdbi.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
        this.channel = channelFor(schema);
        this.sender = new NotifySender(senderPool, channel);
        this.thread = new Thread(this::listen, "raven-event-listener");
        thread.setDaemon(true);
    }

    static String channelFor(String schema) {
        String name = "raven_events_" + (schema == null ? "public" : schema.toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    void start() {
        thread.start();
    }

    @Override
    public void publish(Handle h, String event) {
        h.afterCommit(() -> sender.send(event));
    }

    @Override
    public void deliverTo(Consumer<String> listener) {
        this.listener = listener;
    }

    private void listen() {
        boolean first = true;
        long backoff = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, credentials)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel + "\"");
                }
                if (!first) {
                    log.info("Event listener reconnected; streams catch up from the database");
                    listener.accept(RESYNC);
                }
                first = false;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            listener.accept(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Event listener lost its database connection ({}); retrying", e.getMessage());
                first = false;
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
