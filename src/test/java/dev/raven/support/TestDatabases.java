package dev.raven.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where tests keep their data. By default every data folder holds its own H2 file. With
 * RAVEN_TEST_DB_URL set (make test-postgres) every data folder gets its own fresh schema
 * on that PostgreSQL server instead, so test classes never see each other's rows.
 */
public final class TestDatabases {
    public static final String ENV = "RAVEN_TEST_DB_URL";
    /** The local server that tests needing PostgreSQL use when RAVEN_TEST_DB_URL is unset. */
    public static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final Map<Path, PostgresSchema> SCHEMAS_BY_DATA_DIR = new ConcurrentHashMap<>();
    private static volatile Boolean localPostgresAnswers;

    private TestDatabases() {
    }

    /** The PostgreSQL server the whole suite runs on, or null when it runs on H2. */
    public static String suitePostgres() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url.trim();
    }

    /**
     * The PostgreSQL server for tests that cannot run on H2: RAVEN_TEST_DB_URL, else the local
     * server if it answers, else none. Under make test-postgres the variable is set, so a
     * server that is down fails those tests instead of skipping them.
     */
    public static Optional<String> postgresForTests() {
        String url = suitePostgres();
        if (url != null) {
            return Optional.of(url);
        }
        if (localPostgresAnswers == null) {
            localPostgresAnswers = answers(LOCAL_POSTGRES + "&connectTimeout=2&loginTimeout=3");
        }
        return localPostgresAnswers ? Optional.of(LOCAL_POSTGRES) : Optional.empty();
    }

    /** The server for a test class marked {@link RequiresPostgres}, which is skipped when there is none. */
    public static String requirePostgres() {
        return postgresForTests().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL for this test: mark it @RequiresPostgres so that it is skipped instead"));
    }

    /** The db.url for a data folder under make test-postgres: its own schema, made on first use. */
    public static String suiteUrlFor(Path dataDir) {
        return SCHEMAS_BY_DATA_DIR.computeIfAbsent(dataDir, d -> PostgresSchema.create(suitePostgres())).url();
    }

    /** Drops the schema of a data folder, if it has one. */
    public static void dropSchemaOf(Path dataDir) {
        PostgresSchema schema = SCHEMAS_BY_DATA_DIR.remove(dataDir);
        if (schema != null) {
            schema.close();
        }
    }

    private static boolean answers(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
