package dev.raven.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for tests: opens GET /api/stream/ over real HTTP and parses
 * what arrives into events, read in order with {@link #next}. A test that waits for an
 * event that never comes fails after a generous limit instead of hanging.
 */
public final class EventStream implements AutoCloseable {
    /** How long a test waits for an event or the end before it fails (not a timing assertion). */
    static final long WAIT_SECONDS = 30;
    private static final Event END = new Event(null, null, null, List.of());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    /**
     * One event: its type ("message" when unnamed), data and id (null when it had none), and
     * the comments (": text" lines, as "text") that came since the event before it.
     */
    public record Event(String type, String data, String id, List<String> comments) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("event data is not JSON: " + data, e);
            }
        }
    }

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens the stream with these headers (Accept: text/event-stream is added unless given). */
    public static EventStream open(String baseUrl, String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/event-stream");
        }
        headers.forEach(request::header);
        try {
            return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("could not open the stream: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static EventStream open(TestServer server, String token) {
        return open(server.baseUrl(), "/api/stream/", Map.of("Authorization", "JWT " + token));
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused stream (an error's JSON). */
    public JsonNode errorJson() {
        try (InputStream in = response.body()) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = null;
            String id = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(type == null ? "message" : type, data.toString(), id, List.copyOf(comments)));
                        comments.clear();
                    }
                    type = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1));
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            events.add(END);
        }
    }

    /** The next event of this type (others before it are passed over); fails if the stream ends first. */
    public Event next(String type) {
        while (true) {
            Event e = poll();
            if (e == END) {
                throw new AssertionError("the stream ended before a '" + type + "' event");
            }
            if (type.equals(e.type())) {
                return e;
            }
        }
    }

    /** Waits for the server to end the stream; returns the events that came before the end. */
    public List<Event> awaitEnd() {
        List<Event> before = new ArrayList<>();
        while (true) {
            Event e = poll();
            if (e == END) {
                return before;
            }
            before.add(e);
        }
    }

    private Event poll() {
        try {
            Event e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("nothing arrived on the stream in " + WAIT_SECONDS + "s");
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
