package dev.raven.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A uniquely named, empty schema on a PostgreSQL server, dropped on close. Its URL points
 * the app (and Flyway, which migrates the current schema) at it. Schemas a test forgot to
 * close are dropped when the JVM exits; the random names keep parallel runs apart.
 */
public final class PostgresSchema implements AutoCloseable {
    private static final Set<PostgresSchema> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(PostgresSchema::close),
                "drop-test-schemas"));
    }

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a fresh schema on the server at {@code serverUrl} (a JDBC URL with credentials). */
    public static PostgresSchema create(String serverUrl) {
        if (serverUrl.contains("currentSchema=")) {
            throw new IllegalArgumentException("the test server URL must not name a schema: " + serverUrl);
        }
        String name = "raven_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        PostgresSchema schema = new PostgresSchema(serverUrl, name);
        schema.execute("CREATE SCHEMA " + name);
        OPEN.add(schema);
        return schema;
    }

    public String name() {
        return name;
    }

    /** The server URL with this schema as the current one. */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() {
        if (OPEN.remove(this)) {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
