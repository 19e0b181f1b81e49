package dev.raven.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/1.1 over a plain socket, for requests no client library would send: bad escapes and raw
 * bytes in the path, control characters in headers, bodies that are not UTF-8, bogus charsets.
 * Each request has its own connection (Connection: close) and a read timeout, so a server that
 * never answers fails the test instead of hanging it.
 */
public final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int port;
    private final int timeoutMillis;

    public RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** The request line's target is sent byte for byte (ISO-8859-1, so "\u00ff" is the byte 0xFF). */
    public Response send(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return exchange(headBytes, body == null ? new byte[0] : body);
    }

    /** Sends these exact bytes and reads the whole answer. */
    public Response exchange(byte[] head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before reading everything: read that answer.
            }
            return Response.parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer was sent (the server closed with unread request bytes).
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    /** The contract's error: this status, a JSON content type and {"message", "code": code}. */
    public static void assertJsonError(Response res, int status, String code) {
        assertEquals(status, res.status(), res.toString());
        assertJsonError(res);
        assertEquals(code, res.jsonOrNull().get("code").asText(), res.toString());
    }

    /** Any 4xx in the contract's error shape. */
    public static void assertJsonError(Response res) {
        assertTrue(res.status() >= 400 && res.status() < 500, res.toString());
        String type = res.header("Content-Type");
        assertTrue(type != null && type.startsWith("application/json"), res.toString());
        JsonNode json = res.jsonOrNull();
        assertTrue(json != null && json.path("message").isTextual() && json.path("code").isTextual(), res.toString());
    }

    /** A parsed answer; header names lower-cased. An empty answer has status 0. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Response(0, Map.of(), text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                bodyBytes = dechunk(bodyBytes);
            }
            return new Response(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String text = new String(chunked, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body as JSON, or null when it is not JSON. */
        public JsonNode jsonOrNull() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
