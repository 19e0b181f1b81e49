package dev.raven.app;

import dev.raven.support.Api;
import dev.raven.support.LoopbackSockets;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and greedy clients (slowloris): bodies and headers sent a byte at a time, clients that
 * never send, many connections from one address. Everyone else must still be served.
 */
class SlowClientsTest {
    private static final String LOGIN = "/api/auth/obtain_token/";

    static void assertStatus(String answer, int status) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
    }

    /** Login bodies that are valid JSON, padded with spaces (JSON whitespace) to {@code length} bytes. */
    static String loginBody(int length) {
        String body = "{\"username\": \"nobody-here\", \"password\": \"not-the-password\"}";
        return body + " ".repeat(length - body.length());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhileManySlowBodiesAreOpen {
        // Far more slow clients than request threads; timeouts long enough that none is cut
        // during the test, so what is shown is that waiting bodies hold no thread.
        static final int THREADS = 12;
        static final int SLOW_CLIENTS = 48;

        TestServer server;
        TestUser user;
        final List<Socket> slow = new ArrayList<>();
        final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

        @BeforeAll
        void start() throws IOException {
            server = TestServer.start(Map.of("http.threads.max", String.valueOf(THREADS),
                    "http.body.timeout", "60s", "http.min.data.rate", "0", "http.idle.timeout", "60s",
                    "ratelimit.enabled", "false"));
            user = server.api().register(Api.uniqueName("Busy"));
            // Spread over four client addresses, so that the per-address cap (64) is not what saves us.
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0." + (2 + i % 4));
                LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, 1000) + "{");
                slow.add(socket);
            }
            // One more byte every 300 ms on each: never silent long enough for any idle timeout.
            trickle.scheduleWithFixedDelay(() -> slow.forEach(s -> {
                try {
                    LoopbackSockets.send(s, " ");
                } catch (IOException e) {
                    // Closed by the server or the test: nothing more to send.
                }
            }), 300, 300, TimeUnit.MILLISECONDS);
        }

        @AfterAll
        void stop() {
            trickle.shutdownNow();
            slow.forEach(LoopbackSockets::closeQuietly);
            server.close();
        }

        @Test
        void healthStillAnswers() throws IOException {
            assertStatus(LoopbackSockets.exchange(server.app().port(), "127.0.0.1", LoopbackSockets.get("/health", null)), 200);
        }

        @Test
        void anAuthenticatedReadStillAnswers() throws IOException {
            String answer = LoopbackSockets.exchange(server.app().port(), "127.0.0.1",
                    LoopbackSockets.get("/api/tweets/tweets_list/", user.access()));
            assertStatus(answer, 200);
        }

        @Test
        void anotherLoginWithItsWholeBodyStillAnswers() throws IOException {
            String answer = LoopbackSockets.exchange(server.app().port(), "127.0.0.1",
                    LoopbackSockets.postHead(LOGIN, loginBody(100).length()) + loginBody(100));
            assertStatus(answer, 401);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BodyDeadlines {
        TestServer server;

        @BeforeAll
        void start() {
            server = TestServer.start(Map.of("http.min.data.rate", "100", "http.min.data.rate.grace", "1s",
                    "http.body.timeout", "5s", "ratelimit.enabled", "false"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void aStalledBodyOverTheLimitGetsIts413ByTheBodyDeadline() throws IOException {
            // Over the limit but under 1 MiB: read and dropped before the 413, yet no longer than
            // http.body.timeout (5 s here) when it stops coming; without that deadline the
            // connection would stay silent until the 30 s idle timeout, past this read's 15 s.
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, 200_000) + "{");
                socket.setSoTimeout(15_000);
                String answer = LoopbackSockets.readToEnd(socket);
                assertStatus(answer, 413);
                assertTrue(answer.contains("\"code\":\"request_too_large\""), answer);
            }
        }

        @Test
        void aStalledBodyIsCutWithA408AndTheConnectionClosed() throws IOException {
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, 1000) + "{");
                String answer = LoopbackSockets.readToEnd(socket);
                assertStatus(answer, 408);
                assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
                assertTrue(answer.contains("\"code\":\"request_timeout\""), answer);
                assertTrue(answer.contains("\"message\":"), answer);
            }
        }

        @Test
        void aBodyAboveTheRateIsStillCutAtTheDeadline() throws IOException, InterruptedException {
            // 20 bytes every 100 ms is 200 bytes/s, twice the minimum; 1,400 bytes would need 7 s.
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                String body = loginBody(1400);
                LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, body.length()));
                String answer = trickle(socket, body, 20, 100);
                assertStatus(answer, 408);
                assertTrue(answer.contains("\"code\":\"request_timeout\""), answer);
            }
        }

        @Test
        void aSlowBodyAboveTheRateAndWithinTheDeadlineIsServed() throws IOException, InterruptedException {
            // 240 bytes at 200 bytes/s: still arriving after the 1 s grace, done well before 5 s.
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                String body = loginBody(240);
                LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, body.length()));
                String answer = trickle(socket, body, 20, 100);
                assertStatus(answer, 401);
                assertTrue(answer.contains("\"code\":"), answer);
            }
        }

        @Test
        void aChunkedBodyOverTheSizeLimitIsA413() throws IOException {
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                String chunk = "x".repeat(40_000);
                LoopbackSockets.send(socket, "POST " + LOGIN + " HTTP/1.1\r\nHost: raven\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
                String answer = LoopbackSockets.readToEnd(socket);
                assertStatus(answer, 413);
                assertTrue(answer.contains("\"code\":\"request_too_large\""), answer);
            }
        }

        @Test
        void aClientLeavingMidBodyLeavesTheServerServing() throws IOException {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.3")) {
                    LoopbackSockets.send(socket, LoopbackSockets.postHead(LOGIN, 1000) + "{\"username\": ");
                }
            }
            String answer = LoopbackSockets.exchange(server.app().port(), "127.0.0.3",
                    LoopbackSockets.postHead(LOGIN, loginBody(100).length()) + loginBody(100));
            assertStatus(answer, 401);
        }

        /** Sends {@code body} {@code step} bytes at a time, pausing between; returns the answer. */
        String trickle(Socket socket, String body, int step, long pauseMs) throws IOException, InterruptedException {
            for (int i = 0; i < body.length(); i += step) {
                try {
                    LoopbackSockets.send(socket, body.substring(i, Math.min(body.length(), i + step)));
                } catch (IOException e) {
                    break; // cut by the server: its answer is waiting
                }
                Thread.sleep(pauseMs);
            }
            return LoopbackSockets.readToEnd(socket);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SilentAndSlowHeaders {
        TestServer server;

        @BeforeAll
        void start() {
            server = TestServer.start(Map.of("http.idle.timeout", "1s", "http.header.timeout", "1s"));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void aClientThatNeverSendsIsClosedAfterTheIdleTimeout() throws IOException {
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                assertTrue(LoopbackSockets.closedWithoutAnswer(socket));
            }
        }

        @Test
        void headersSentAByteAtATimeAreCutAtTheHeaderTimeout() throws IOException {
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                LoopbackSockets.send(socket, "GET /health HTTP/1.1\r\nHost: raven\r\n");
                assertTrue(closedWhileTrickling(socket, "X"), "still open after 4 s of headers");
            }
        }

        @Test
        void blankLinesBeforeARequestAreCutAtTheHeaderTimeout() throws IOException {
            // Jetty skips blank lines before a request line (and restarts its clock at each).
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                assertTrue(closedWhileTrickling(socket, "\r\n"), "still open after 4 s of blank lines");
            }
        }

        /** Sends {@code bit} every 200 ms for 4 s (so the 1 s idle timeout never fires): closed meanwhile? */
        boolean closedWhileTrickling(Socket socket, String bit) throws IOException {
            for (int i = 0; i < 20; i++) {
                try {
                    LoopbackSockets.send(socket, bit);
                    if (LoopbackSockets.closedWithoutAnswer(socket, 200)) {
                        return true;
                    }
                } catch (IOException e) {
                    return true;
                }
            }
            return false;
        }

        @Test
        void aKeepAliveClientIsServedAgainAfterAPause() throws IOException, InterruptedException {
            // The header deadline runs from a request's first byte, not from the previous request.
            try (Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.2")) {
                LoopbackSockets.send(socket, "GET /health HTTP/1.1\r\nHost: raven\r\n\r\n");
                Thread.sleep(700);
                LoopbackSockets.send(socket, LoopbackSockets.get("/health", null));
                String answers = LoopbackSockets.readToEnd(socket);
                assertEquals(2, answers.split("HTTP/1.1 200 ", -1).length - 1, answers);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ConnectionsPerAddressCap {
        static final int CAP = 3;
        TestServer server;

        @BeforeAll
        void start() {
            server = TestServer.start(Map.of("http.max.connections.per.address", String.valueOf(CAP)));
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void theConnectionOverTheCapIsClosedWhileOtherAddressesConnect() throws IOException {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < CAP; i++) {
                    Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.5");
                    held.add(socket);
                    // Proves each one is really open and served (keep-alive: it stays open).
                    LoopbackSockets.send(socket, "GET /health HTTP/1.1\r\nHost: raven\r\n\r\n");
                    assertEquals('H', socket.getInputStream().read());
                }
                try (Socket over = LoopbackSockets.open(server.app().port(), "127.0.0.5")) {
                    assertTrue(LoopbackSockets.closedWithoutAnswer(over), "connection " + (CAP + 1) + " was not refused");
                }
                assertStatus(LoopbackSockets.exchange(server.app().port(), "127.0.0.6", LoopbackSockets.get("/health", null)), 200);

                // A closed connection gives its place back.
                held.remove(0).close();
                assertStatus(exchangeWhenFreed("127.0.0.5"), 200);
            } finally {
                held.forEach(LoopbackSockets::closeQuietly);
            }
        }

        /**
         * The server learns of a client's close a moment later: try a few times. Until it does,
         * a new connection is refused, which shows as a reset or as an end with no answer.
         */
        String exchangeWhenFreed(String from) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    String answer = LoopbackSockets.exchange(server.app().port(), from, LoopbackSockets.get("/health", null));
                    if (!answer.isEmpty() || attempt == 20) {
                        return answer;
                    }
                } catch (IOException e) {
                    if (attempt == 20) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NoCap {
        @Test
        void capZeroLetsOneAddressHoldManyConnections() throws IOException {
            try (TestServer server = TestServer.start(Map.of("http.max.connections.per.address", "0"))) {
                assertAllServed(server, 70); // more than the default cap of 64
            }
        }

        @Test
        void behindATrustedProxyTheCapDoesNotApply() throws IOException {
            // Every connection then comes from the proxy: capping it would cap everyone.
            try (TestServer server = TestServer.start(Map.of("http.max.connections.per.address", "3",
                    "http.trust.proxy", "true"))) {
                assertAllServed(server, 6);
            }
        }

        void assertAllServed(TestServer server, int connections) throws IOException {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Socket socket = LoopbackSockets.open(server.app().port(), "127.0.0.7");
                    held.add(socket);
                    LoopbackSockets.send(socket, "GET /health HTTP/1.1\r\nHost: raven\r\n\r\n");
                    assertEquals('H', socket.getInputStream().read(), "connection " + (i + 1));
                }
            } finally {
                held.forEach(LoopbackSockets::closeQuietly);
            }
        }
    }
}
