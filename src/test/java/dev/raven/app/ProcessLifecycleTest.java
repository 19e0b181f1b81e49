package dev.raven.app;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.RavenProcess;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raven as a real process: start-up, kill -9 durability, clean SIGTERM shutdown, config errors. */
class ProcessLifecycleTest {
    private final Path dataDir = TestServer.newDataDir();
    private RavenProcess raven;

    @AfterEach
    void cleanUp() {
        if (raven != null) {
            raven.close();
        }
        TestServer.deleteRecursively(dataDir);
    }

    private RavenProcess start(Map<String, String> env) {
        raven = RavenProcess.startAndAwaitHealthy(dataDir, env);
        return raven;
    }

    private void assertExitsWithin(Duration timeout) {
        assertTrue(raven.awaitExit(timeout), "still running " + timeout + " after SIGTERM:\n" + raven.log());
    }

    @Test
    void startUpLogsTheUrlAndTheDatabaseInUse() {
        start(Map.of());
        String log = raven.log();
        assertTrue(log.matches("(?s).*listening on http://127\\.0\\.0\\.1:\\d+ with database jdbc:h2:file:.*"), log);
    }

    @Test
    void anAcknowledgedRegistrationSurvivesKill9() {
        Api api = start(Map.of()).api();
        TestUser user = api.register(Api.uniqueName("Durable"));
        raven.kill(); // at once after the 201: no shutdown hook, no chance to flush

        Api restarted = start(Map.of()).api();

        assertEquals(200, restarted.login(user.username(), TestUser.PASSWORD).status(), raven.log());
        assertEquals(202, Auth.currentUser(restarted, user.access()).status());
    }

    @Test
    void anAcknowledgedLogoutSurvivesKill9() {
        Api api = start(Map.of()).api();
        TestUser user = api.register(Api.uniqueName("LoggedOut"));
        assertEquals(205, Auth.logout(api, user.refresh(), user.access()).status());
        raven.kill();

        Api restarted = start(Map.of()).api();

        Auth.assertTokenNotValid(Auth.currentUser(restarted, user.access()));
    }

    @Test
    void sigtermShutsDownCleanlyAndTheDataIsThereNextTime() {
        Api api = start(Map.of()).api();
        TestUser user = api.register(Api.uniqueName("Clean"));

        raven.terminate();

        assertExitsWithin(Duration.ofSeconds(20));
        String log = raven.log();
        assertTrue(log.contains("Shutting down"), log);
        assertTrue(log.contains("Stopped"), log);
        assertTrue(!log.contains("Exception"), log);
        Api restarted = start(Map.of()).api();
        assertEquals(200, restarted.login(user.username(), TestUser.PASSWORD).status());
    }

    @Test
    void sigtermLetsARequestInFlightFinish() throws Exception {
        // bcrypt cost 15 makes a registration take over a second even on fast machines: long
        // enough to be sure the signal arrives mid-request.
        Api api = start(Map.of("RAVEN_BCRYPT_COST", "15")).api();
        String name = Api.uniqueName("InFlight");
        CompletableFuture<Api.Res> registration = CompletableFuture.supplyAsync(() ->
                api.post(Auth.REGISTER, Api.registration(name, TestUser.PASSWORD), null));
        Thread.sleep(300);
        assertTrue(!registration.isDone(), "the request finished before the signal; the test proves nothing");

        raven.terminate();

        Api.Res res = registration.get(30, TimeUnit.SECONDS);
        assertEquals(201, res.status(), res + "\n" + raven.log());
        assertExitsWithin(Duration.ofSeconds(20));
        Api restarted = start(Map.of("RAVEN_BCRYPT_COST", "4")).api();
        assertEquals(200, restarted.login(name, TestUser.PASSWORD).status());
    }

    @Test
    void aMalformedSettingStopsStartUpWithAMessageNamingTheKey() {
        raven = RavenProcess.start(dataDir, Map.of("RAVEN_SERVER_PORT", "abc"));

        assertTrue(raven.awaitExit(Duration.ofSeconds(30)), "a bad setting must stop start-up");
        assertEquals(2, raven.exitValue());
        assertTrue(raven.log().contains("server.port"), raven.log());
    }

    @Test
    void aPortAlreadyInUseStopsStartUpWithAnError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            raven = RavenProcess.start(dataDir, Map.of("RAVEN_SERVER_PORT", String.valueOf(taken.getLocalPort())));

            assertTrue(raven.awaitExit(Duration.ofSeconds(60)), "must not keep running without a port:\n" + raven.log());
            assertEquals(1, raven.exitValue(), raven.log());
            assertTrue(raven.log().contains("failed to start"), raven.log());
        }
    }
}
