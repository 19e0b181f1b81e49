package dev.raven.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP over plain sockets, for what no client library does: connecting from a chosen
 * loopback address (127.0.0.2, 127.0.0.3, ... act as different clients), sending a request
 * a few bytes at a time, and seeing exactly when and how the server closes.
 */
public final class LoopbackSockets {
    /** How long any read waits before the test gives up on an answer. */
    public static final int READ_TIMEOUT_MS = 5_000;

    private LoopbackSockets() {
    }

    /** A connection from {@code fromAddress} (a 127.x.y.z address) to the test server. */
    public static Socket open(int port, String fromAddress) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    /** The request line and headers of a POST whose body the caller then sends (or not). */
    public static String postHead(String path, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: raven\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n";
    }

    /** A GET that asks the server to close afterwards, so that the answer ends at end of stream. */
    public static String get(String path, String accessToken) {
        return "GET " + path + " HTTP/1.1\r\nHost: raven\r\n"
                + (accessToken == null ? "" : "Authorization: JWT " + accessToken + "\r\n")
                + "Connection: close\r\n\r\n";
    }

    public static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes; fails the test after {@link #READ_TIMEOUT_MS} of silence. */
    public static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // A reset after the answer still leaves the answer.
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One request on a fresh connection from {@code fromAddress}; the whole answer. */
    public static String exchange(int port, String fromAddress, String request) throws IOException {
        try (Socket socket = open(port, fromAddress)) {
            send(socket, request);
            return readToEnd(socket);
        }
    }

    /**
     * Whether the server closed the connection without answering: end of stream or a reset
     * within {@link #READ_TIMEOUT_MS}. False if it sent anything or stayed open and silent.
     */
    public static boolean closedWithoutAnswer(Socket socket) throws IOException {
        return closedWithoutAnswer(socket, READ_TIMEOUT_MS);
    }

    /** As {@link #closedWithoutAnswer(Socket)}, waiting at most {@code waitMs}. */
    public static boolean closedWithoutAnswer(Socket socket, int waitMs) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(waitMs);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a test connection: nothing to do.
        }
    }
}
