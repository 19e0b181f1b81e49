package dev.raven.app;

import dev.raven.support.RawHttp;
import dev.raven.support.ServerProcess;
import dev.raven.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops sending in the middle of its body is not a server error: it is not worth
 * a stack trace in the log (2,000 of them once wrote 8.8 MB). The server is a separate process
 * so that what it logs is exactly what an operator would see.
 */
class ClientDisconnectTest {
    private static final int DISCONNECTS = 20;

    static Path dataDir;
    static ServerProcess server;

    @BeforeAll
    static void start() {
        dataDir = TestServer.newDataDir();
        server = ServerProcess.start(Map.of("RAVEN_DATA_DIR", dataDir.toString(), "RAVEN_RATELIMIT_ENABLED", "false"));
    }

    @AfterAll
    static void stop() {
        server.close();
        TestServer.deleteRecursively(dataDir);
    }

    /**
     * Declares 1000 bytes, sends 12 and stops sending (half-close), then reads to the end: when the
     * server closes the connection it has handled the early end, so whatever it logs is logged.
     */
    static RawHttp.Response truncatedBody(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"username\":";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return RawHttp.Response.parse(socket.getInputStream().readAllBytes());
        }
    }

    @Test
    void bodiesCutShortLogNoStackTraceAndAtMostALineEach() throws IOException {
        int linesBefore = server.output().split("\n").length;
        for (int i = 0; i < DISCONNECTS; i++) {
            RawHttp.Response res = truncatedBody(i % 2 == 0 ? "/api/auth/obtain_token/" : "/api/auth/user/register/");
            // A client that only stopped sending still hears why.
            RawHttp.assertJsonError(res, 400, "bad_request");
        }
        String output = server.output();
        String[] lines = output.split("\n");
        assertFalse(output.contains("EofException"), output);
        assertFalse(output.contains("\tat "), output);
        assertFalse(output.contains("[ERROR]"), output);
        assertTrue(lines.length - linesBefore <= DISCONNECTS, output);
        // And the server is still fine.
        assertEquals(200, server.api().get("/health", null).status());
    }
}
