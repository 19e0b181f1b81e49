package dev.raven.backup;

import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /internal/backup: only for a direct local request with the operator token, only on the embedded database. */
// db.url empty: the embedded database, also under make test-postgres.
@WithServer("db.url=")
class BackupEndpointTest {
    static final String PATH = "/internal/backup";
    static TestServer server;

    @BeforeAll
    static void someoneJoins() {
        server.api().register(Api.uniqueName("someone"));
    }

    @Test
    void theOperatorTokenFileIsOwnerOnly() throws IOException {
        Path file = server.dataDir().resolve("operator-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).trim().length() >= 40);
    }

    @Test
    void withTheTokenTheAnswerIsAZipOfTheDatabaseAndNothingIsLeftBehind() throws IOException, InterruptedException {
        HttpResponse<byte[]> res = Unirest.post(server.baseUrl() + PATH).header("X-Raven-Operator-Token", token())
                .asBytes();
        assertEquals(200, res.getStatus());
        assertTrue(res.getHeaders().getFirst("Content-Type").startsWith("application/zip"));
        Path zip = Files.createTempFile("endpoint-", ".zip");
        try {
            Files.write(zip, res.getBody());
            assertTrue(BackupArchive.verify(zip, "raven.mv.db") > 0);
        } finally {
            Files.delete(zip);
        }
        long deadline = System.currentTimeMillis() + 5_000; // the server may close the stream just after the last byte
        while (temporaryBackups() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, temporaryBackups(), "the temporary backup file must be gone once sent");
    }

    private static long temporaryBackups() throws IOException {
        try (Stream<Path> files = Files.list(server.dataDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("backup-")).count();
        }
    }

    @Test
    void withoutTheTokenItIsForbidden() {
        Api.Res res = server.api().post(PATH, null, null);
        assertEquals(403, res.status());
        assertEquals("operator_token_invalid", res.json().get("code").asText());
    }

    @Test
    void aWrongTokenIsForbidden() {
        HttpResponse<String> res = Unirest.post(server.baseUrl() + PATH)
                .header("X-Raven-Operator-Token", "not-the-token").asString();
        assertEquals(403, res.getStatus());
    }

    @Test
    void aUserAccessTokenIsNoSubstitute() {
        String access = server.api().register(Api.uniqueName("user")).access();
        assertEquals(403, server.api().post(PATH, null, access).status());
    }

    @Test
    void aRequestThroughAProxyGetsA404EvenWithTheToken() throws IOException {
        for (String header : new String[] {"X-Forwarded-For", "X-Real-IP", "Forwarded"}) {
            HttpResponse<String> res = Unirest.post(server.baseUrl() + PATH)
                    .header("X-Raven-Operator-Token", token())
                    .header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9")
                    .asString();
            assertEquals(404, res.getStatus(), header);
            assertTrue(res.getBody().contains("\"code\":\"not_found\""), res.getBody());
        }
    }

    @Test
    void onlyPostIsRouted() {
        assertEquals(404, server.api().get(PATH, null).status());
    }

    @Test
    void eachStartWritesAFreshToken() throws IOException {
        Path dataDir = TestServer.newDataDir();
        try {
            String first;
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, Map.of("db.url", "")))) {
                first = Files.readString(dataDir.resolve("operator-token"));
            }
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, Map.of("db.url", "")))) {
                assertNotEquals(first, Files.readString(dataDir.resolve("operator-token")));
            }
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }

    @Test
    void withoutTheEmbeddedDatabaseThereIsNoBackupRoute() {
        String otherDatabase = "jdbc:h2:mem:no_backup_route;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        try (TestServer other = TestServer.start(Map.of("db.url", otherDatabase))) {
            assertFalse(Files.exists(other.dataDir().resolve("operator-token")));
            HttpResponse<String> res = Unirest.post(other.baseUrl() + PATH)
                    .header("X-Raven-Operator-Token", "anything").asString();
            assertEquals(404, res.getStatus());
        }
    }

    private static String token() throws IOException {
        return Files.readString(server.dataDir().resolve("operator-token")).trim();
    }
}
