package dev.raven.app;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Jwts;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two servers, one after the other, on the same data folder: what the first wrote, the second serves. */
class RestartTest {
    private final Path dataDir = TestServer.newDataDir();
    private RavenApp running;

    private Api start(Map<String, String> settings) {
        running = RavenApp.start(TestServer.config(dataDir, settings));
        return new Api("http://127.0.0.1:" + running.port());
    }

    private void stopRunning() {
        running.close();
        running = null;
    }

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.close();
        }
        TestServer.deleteRecursively(dataDir);
    }

    @Test
    void usersAndTheirTokensSurviveARestartWithTheGeneratedSecret() throws IOException {
        Api first = start(Map.of());
        TestUser user = first.register(Api.uniqueName("Survivor"));
        Path secretFile = dataDir.resolve("jwt-secret");
        String secret = Files.readString(secretFile, StandardCharsets.UTF_8).trim();
        stopRunning();

        Api second = start(Map.of());

        assertEquals(secret, Files.readString(secretFile, StandardCharsets.UTF_8).trim(), "the secret is kept");
        assertEquals(200, second.login(user.username(), TestUser.PASSWORD).status());
        Api.Res me = Auth.currentUser(second, user.access());
        assertEquals(202, me.status(), "an access token from before the restart still works: " + me);
        assertEquals(user.userId(), me.json().get("user_id").asLong());
        assertEquals(200, Auth.refresh(second, user.refresh()).status());
    }

    @Test
    void theGeneratedSecretIsStrongAndReadableByItsOwnerOnly() throws IOException {
        Api api = start(Map.of());
        TestUser user = api.register(Api.uniqueName("Owner"));

        Path secretFile = dataDir.resolve("jwt-secret");
        assertTrue(Files.isRegularFile(secretFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
        String secret = Files.readString(secretFile, StandardCharsets.UTF_8).trim();
        assertTrue(secret.length() >= 32, "secret of " + secret.length() + " characters");
        assertTrue(Jwts.hs256SignatureMatches(user.access(), secret), "the file's secret signs the tokens");
    }

    @Test
    void eachDataFolderGetsItsOwnSecret() throws IOException {
        start(Map.of());
        String mine = Files.readString(dataDir.resolve("jwt-secret")).trim();
        try (TestServer other = TestServer.start()) {
            assertFalse(mine.equals(Files.readString(other.dataDir().resolve("jwt-secret")).trim()));
        }
    }

    @Test
    void aConfiguredSecretIsUsedAndNoSecretFileIsWritten() {
        String secret = "configured-secret-of-at-least-32-chars!";
        Api api = start(Map.of("jwt.secret", secret));
        TestUser user = api.register(Api.uniqueName("Configured"));

        assertFalse(Files.exists(dataDir.resolve("jwt-secret")));
        assertTrue(Jwts.hs256SignatureMatches(user.access(), secret));
    }

    @Test
    void sessionsEndedBeforeARestartStayEnded() {
        Api first = start(Map.of());
        TestUser user = first.register(Api.uniqueName("Ended"));
        assertEquals(205, Auth.logout(first, user.refresh(), user.access()).status());
        stopRunning();

        Api second = start(Map.of());

        Auth.assertTokenNotValid(Auth.currentUser(second, user.access()));
        Auth.assertTokenNotValid(Auth.refresh(second, user.refresh()));
    }

    @Test
    void aSecretFileTooShortToBeSafeStopsStartUp() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("jwt-secret"), "short\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(Map.of()));

        assertTrue(e.getMessage().contains("jwt-secret"), e.getMessage());
    }
}
