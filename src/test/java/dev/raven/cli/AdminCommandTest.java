package dev.raven.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.CliRun;
import dev.raven.support.PostgresSchema;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.TestDatabases;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java -jar raven.jar admin create | grant | revoke: through a running server that holds the
 * embedded database, directly on the embedded database when none runs, and on PostgreSQL.
 */
class AdminCommandTest {
    static final String SECRET = "admin-command-test-jwt-secret-0123456789";
    static final String PASSWORD = "admin-password-123";

    @Test
    void withNoServerRunningItOpensTheEmbeddedDatabase() throws IOException {
        Path dataDir = TestServer.newDataDir();
        try {
            Map<String, String> env = env(dataDir, freePort());
            CliRun run = CliRun.withInput(env, PASSWORD + "\n", "admin", "create", "root", "--email", "root@example.org");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Created the admin account root"), run.toString());
            CliRun dup = CliRun.withInput(env, PASSWORD + "\n", "admin", "create", "root", "--email", "r2@example.org");
            assertEquals(1, dup.exitCode(), dup.toString());
            assertTrue(dup.err().contains("Username already exists"), dup.toString());

            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, h2()))) {
                Api api = new Api("http://127.0.0.1:" + app.port());
                Api.Res login = api.login("root", PASSWORD);
                assertEquals(200, login.status(), login.toString());
                String access = login.json().get("access").asText();
                assertEquals(200, api.get("/api/moderation/log/", access).status()); // an admin
                api.register("helper");
            }
            CliRun grant = CliRun.of(env, "admin", "grant", "helper", "moderator");
            assertEquals(0, grant.exitCode(), grant.toString());
            assertTrue(grant.out().contains("helper is now a moderator"), grant.toString());
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, h2()))) {
                Api api = new Api("http://127.0.0.1:" + app.port());
                String access = api.login("helper", TestUser.PASSWORD).json().get("access").asText();
                assertEquals(200, api.get("/api/moderation/reports/", access).status());
                String root = api.login("root", PASSWORD).json().get("access").asText();
                JsonNode log = api.get("/api/moderation/log/", root).json();
                assertEquals("set_role", log.get(0).get("action").asText());
                assertEquals("(operator)", log.get(0).get("actor_username").asText());
                assertEquals("create_admin", log.get(1).get("action").asText());
            }
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }

    @Test
    void withTheServerRunningItGoesThroughTheServer() {
        Path dataDir = TestServer.newDataDir();
        try (RavenApp app = RavenApp.start(TestServer.config(dataDir, h2()))) {
            Map<String, String> env = env(dataDir, app.port());
            CliRun run = CliRun.withInput(env, PASSWORD + "\n", "admin", "create", "boss", "--email", "boss@example.org");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("through the server running at 127.0.0.1:" + app.port()), run.toString());
            Api api = new Api("http://127.0.0.1:" + app.port());
            String boss = api.login("boss", PASSWORD).json().get("access").asText();
            assertEquals(200, api.get("/api/moderation/log/", boss).status());

            TestUser user = api.register("mod_to_be");
            assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());
            assertEquals(0, CliRun.of(env, "admin", "grant", "mod_to_be", "moderator").exitCode());
            assertEquals(200, api.get("/api/moderation/reports/", user.access()).status()); // at once, same token
            CliRun wrongRevoke = CliRun.of(env, "admin", "revoke", "mod_to_be", "admin");
            assertEquals(1, wrongRevoke.exitCode(), wrongRevoke.toString());
            assertTrue(wrongRevoke.err().contains("is not an admin"), wrongRevoke.toString());
            CliRun revoke = CliRun.of(env, "admin", "revoke", "mod_to_be", "moderator");
            assertEquals(0, revoke.exitCode(), revoke.toString());
            assertTrue(revoke.out().contains("mod_to_be is now a plain user"), revoke.toString());
            assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());

            CliRun nobody = CliRun.of(env, "admin", "grant", "nobody_here", "admin");
            assertEquals(1, nobody.exitCode(), nobody.toString());
            assertTrue(nobody.err().contains("User not found"), nobody.toString());
            CliRun weak = CliRun.withInput(env, "short\n", "admin", "create", "weak", "--email", "weak@example.org");
            assertEquals(1, weak.exitCode(), weak.toString());
            assertTrue(weak.err().contains("password"), weak.toString());
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }

    @Test
    void usageErrorsExit2AndAMissingPasswordExits1() throws IOException {
        Path dataDir = TestServer.newDataDir();
        try {
            Map<String, String> env = env(dataDir, freePort());
            assertEquals(2, CliRun.of(env, "admin").exitCode());
            assertEquals(2, CliRun.of(env, "admin", "destroy", "x").exitCode());
            assertEquals(2, CliRun.of(env, "admin", "create", "x").exitCode()); // no --email
            assertEquals(2, CliRun.of(env, "admin", "grant", "x").exitCode()); // no role
            CliRun badRole = CliRun.of(env, "admin", "grant", "x", "king");
            assertEquals(1, badRole.exitCode(), badRole.toString());
            CliRun noPassword = CliRun.withInput(env, "", "admin", "create", "x", "--email", "x@example.org");
            assertEquals(1, noPassword.exitCode(), noPassword.toString());
            assertTrue(noPassword.err().contains("no password"), noPassword.toString());
            CliRun help = CliRun.of(env, "admin", "--help");
            assertEquals(0, help.exitCode());
            assertTrue(help.out().contains("admin create USERNAME --email EMAIL"));
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }

    @Test
    @RequiresPostgres
    void onPostgresqlItOpensTheDatabaseDirectly() throws IOException {
        Path dataDir = TestServer.newDataDir();
        try (PostgresSchema schema = PostgresSchema.create(TestDatabases.requirePostgres())) {
            Map<String, String> env = env(dataDir, freePort());
            env.put("RAVEN_DB_URL", schema.url());
            CliRun run = CliRun.withInput(env, PASSWORD + "\n", "admin", "create", "pgroot", "--email", "pg@example.org");
            assertEquals(0, run.exitCode(), run.toString());
            Map<String, String> settings = new HashMap<>(h2());
            settings.put("db.url", schema.url());
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, settings))) {
                Api api = new Api("http://127.0.0.1:" + app.port());
                api.register("pghelper");
                assertEquals(0, CliRun.of(env, "admin", "grant", "pghelper", "admin").exitCode());
                String access = api.login("pghelper", TestUser.PASSWORD).json().get("access").asText();
                assertEquals(200, api.get("/api/moderation/log/", access).status());
            }
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }

    private static Map<String, String> h2() {
        return Map.of("db.url", "", "jwt.secret", SECRET, "ratelimit.enabled", "false");
    }

    private static Map<String, String> env(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("RAVEN_DATA_DIR", dataDir.toString());
        env.put("RAVEN_JWT_SECRET", SECRET);
        env.put("RAVEN_SERVER_PORT", String.valueOf(port));
        env.put("RAVEN_DB_URL", "");
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
