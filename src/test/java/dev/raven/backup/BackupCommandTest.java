package dev.raven.backup;

import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.CliRun;
import dev.raven.support.ServerProcess;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.Zips;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java -jar raven.jar backup against a server in its own process (which holds the H2 file
 * lock, as in production), and without one. Always on the embedded H2 database.
 */
class BackupCommandTest {
    static final String SECRET = "backup-test-shared-jwt-secret-0123456789";

    static Path liveDataDir;
    static ServerProcess live;
    static Path backups;

    @BeforeAll
    static void startServerProcess() {
        liveDataDir = TestServer.newDataDir();
        backups = TestServer.newDataDir();
        Map<String, String> env = new HashMap<>(env(liveDataDir));
        env.put("RAVEN_RATELIMIT_ENABLED", "false");
        live = ServerProcess.start(env);
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
        TestServer.deleteRecursively(liveDataDir);
        TestServer.deleteRecursively(backups);
    }

    @Test
    void anOnlineBackupTakenWhileWritesGoOnRestoresEveryAcknowledgedWrite() throws Exception {
        Api api = live.api();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(api.register(Api.uniqueName("before")).username());
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        List<String> writtenDuring = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            Api own = live.api();
            try {
                while (!stop.get()) {
                    writtenDuring.add(own.register(Api.uniqueName("during")).username());
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        awaitSize(writtenDuring, 3);
        List<String> beforeBackup = new ArrayList<>(acknowledged);
        beforeBackup.addAll(writtenDuring); // acknowledged before the backup was asked for

        Path zip = backups.resolve("online.zip");
        CliRun run = CliRun.of(env(liveDataDir, live.port()), "backup", zip.toString());

        int afterBackup = writtenDuring.size();
        awaitSize(writtenDuring, afterBackup + 3); // the server kept serving writes
        stop.set(true);
        writer.join(10_000);
        assertNull(writerFailure.get(), () -> "writes failed during the backup: " + writerFailure.get());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("online, from the server running at 127.0.0.1:" + live.port()), run.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
        assertEquals(List.of(), leftovers(liveDataDir, ".tmp"), "temporary backup files left in data.dir");
        assertEquals(List.of(), leftovers(backups, ".part"), "partial files left beside the backup");

        Path restored = restore(zip);
        try (RavenApp app = RavenApp.start(TestServer.config(restored, h2Settings()))) {
            Api restoredApi = new Api("http://127.0.0.1:" + app.port());
            for (String username : beforeBackup) {
                assertEquals(200, restoredApi.login(username, TestUser.PASSWORD).status(), username + " was lost");
            }
            assertConsistent(app.database().jdbi(), beforeBackup.size());
        } finally {
            TestServer.deleteRecursively(restored);
        }
    }

    @Test
    void withNoServerRunningTheToolOpensTheDatabaseItself() throws Exception {
        Path dataDir = TestServer.newDataDir();
        List<String> users = new ArrayList<>();
        try (RavenApp app = RavenApp.start(TestServer.config(dataDir, h2Settings()))) {
            Api api = new Api("http://127.0.0.1:" + app.port());
            users.add(api.register(Api.uniqueName("offline")).username());
            users.add(api.register(Api.uniqueName("offline")).username());
        }
        Path zip = backups.resolve("offline.zip");
        CliRun run = CliRun.of(env(dataDir, freePort()), "backup", zip.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("directly from " + dataDir.resolve("raven.mv.db")), run.toString());

        Path restored = restore(zip);
        try (RavenApp app = RavenApp.start(TestServer.config(restored, h2Settings()))) {
            Api api = new Api("http://127.0.0.1:" + app.port());
            for (String username : users) {
                assertEquals(200, api.login(username, TestUser.PASSWORD).status(), username);
            }
        } finally {
            TestServer.deleteRecursively(restored);
            TestServer.deleteRecursively(dataDir);
        }
    }

    @Test
    void aDatabaseHeldByAServerThatIsNotWhereTheSettingsSayIsReported() throws IOException {
        CliRun run = CliRun.of(env(liveDataDir, freePort()), "backup", backups.resolve("wrong-port.zip").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is in use by another process, but no Raven answers at 127.0.0.1:"), run.toString());
        assertFalse(Files.exists(backups.resolve("wrong-port.zip")));
        assertEquals(List.of(), leftovers(backups, ".part"));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path taken = backups.resolve("taken.zip");
        Files.writeString(taken, "keep me");
        CliRun run = CliRun.of(env(liveDataDir, live.port()), "backup", taken.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("already exists; name a new file"), run.toString());
        assertEquals("keep me", Files.readString(taken));
    }

    @Test
    void aMissingFolderIsReported() {
        CliRun run = CliRun.of(env(liveDataDir, live.port()), "backup", backups.resolve("no/such/b.zip").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no such folder"), run.toString());
    }

    @Test
    void aDataDirWithoutADatabaseIsReported() throws IOException {
        Path empty = TestServer.newDataDir();
        try {
            CliRun run = CliRun.of(env(empty, freePort()), "backup", backups.resolve("nothing.zip").toString());
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("no database at " + empty.resolve("raven.mv.db")), run.toString());
            assertFalse(Files.exists(empty.resolve("raven.mv.db")), "no empty database may be created");
        } finally {
            TestServer.deleteRecursively(empty);
        }
    }

    @Test
    void postgresInstallationsAreToldToUsePgDump() {
        Map<String, String> env = new HashMap<>(env(liveDataDir, live.port()));
        env.put("RAVEN_DB_URL", "jdbc:postgresql://127.0.0.1:5432/raven");
        CliRun run = CliRun.of(env, "backup", backups.resolve("pg.zip").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("pg_dump"), run.toString());
    }

    /** Unzips a backup into a fresh data folder, as the docs say to restore. */
    private static Path restore(Path zip) {
        Path restored = TestServer.newDataDir();
        Zips.unzip(zip, restored);
        assertTrue(Files.exists(restored.resolve("raven.mv.db")));
        return restored;
    }

    /** Every account came with its profile and first session in one transaction: a torn copy would split them. */
    private static void assertConsistent(Jdbi jdbi, int atLeastUsers) {
        long users = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
        long withoutProfile = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users u WHERE NOT EXISTS "
                + "(SELECT 1 FROM profiles p WHERE p.user_id = u.id)").mapTo(Long.class).one());
        long withoutSession = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users u WHERE NOT EXISTS "
                + "(SELECT 1 FROM login_sessions s WHERE s.user_id = u.id)").mapTo(Long.class).one());
        assertTrue(users >= atLeastUsers, users + " users");
        assertEquals(0, withoutProfile);
        assertEquals(0, withoutSession);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (list.size() < size) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + list.size() + " writes in 30 s");
            }
            Thread.sleep(10);
        }
    }

    private static List<Path> leftovers(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static Map<String, String> h2Settings() {
        return Map.of("db.url", "", "jwt.secret", SECRET);
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("RAVEN_DATA_DIR", dataDir.toString(), "RAVEN_JWT_SECRET", SECRET);
    }

    private static Map<String, String> env(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>(env(dataDir));
        env.put("RAVEN_SERVER_PORT", String.valueOf(port));
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
