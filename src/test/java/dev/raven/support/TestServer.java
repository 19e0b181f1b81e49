package dev.raven.support;

import dev.raven.app.RavenApp;
import dev.raven.config.RavenConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Raven on a random port with its own fresh database, for one test class: an H2
 * file in a temp folder, or under make test-postgres (RAVEN_TEST_DB_URL set) a fresh
 * PostgreSQL schema that belongs to that folder. A test class gets one with {@link WithServer};
 * a test that needs more (several instances, restarts) starts and closes them itself.
 */
public final class TestServer implements AutoCloseable {
    private final RavenApp app;
    private final Path dataDir;
    private final Api api;

    private TestServer(RavenApp app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
        this.api = new Api("http://127.0.0.1:" + app.port());
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** Starts with the test defaults changed by {@code settings} (config keys). */
    public static TestServer start(Map<String, String> settings) {
        Path dataDir = newDataDir();
        try {
            return new TestServer(RavenApp.start(config(dataDir, settings)), dataDir);
        } catch (RuntimeException e) {
            discard(dataDir);
            throw e;
        }
    }

    /**
     * Test defaults: port 0, cheap bcrypt, a fresh data folder, the given overrides. Unless the
     * overrides name a db.url, the folder's database is used: its H2 file, or its PostgreSQL
     * schema under make test-postgres (the same one each time, so restarts find their data).
     */
    public static RavenConfig config(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("server.host", "127.0.0.1");
        all.put("server.port", "0");
        all.put("data.dir", dataDir.toString());
        all.put("bcrypt.cost", "4");
        all.put("server.shutdown.grace", "2s");
        if (TestDatabases.suitePostgres() != null && !settings.containsKey("db.url")) {
            all.put("db.url", TestDatabases.suiteUrlFor(dataDir));
            // Many suites may share one server: keep each test server's pool small.
            all.put("db.pool.size", "5");
        }
        all.putAll(settings);
        return RavenConfig.withSettings(all);
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("raven-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    public RavenApp app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.close();
        discard(dataDir);
    }

    /** Removes what a data dir from {@link #newDataDir} holds: the files, and its PostgreSQL schema under test-postgres. */
    public static void discard(Path dataDir) {
        TestDatabases.dropSchemaOf(dataDir);
        deleteRecursively(dataDir);
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
