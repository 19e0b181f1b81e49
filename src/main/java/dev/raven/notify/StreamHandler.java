package dev.raven.notify;

import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import dev.raven.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

import java.util.Map;

/**
 * GET /api/stream/: Server-Sent Events for the caller (access token, or the web app's
 * session cookie for EventSource). The response is asynchronous: Javalin's SSE support
 * starts it and returns the request thread, so an idle stream costs a connection and a
 * few objects, never a thread. Events: {@code notification} (id = the notification's id,
 * so Last-Event-ID resumes), {@code unread} and {@code timeline} ({"count": n}), {@code end}.
 */
public final class StreamHandler {
    private final StreamHub hub;

    public StreamHandler(StreamHub hub) {
        this.hub = hub;
    }

    public void stream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiException(406, "not_acceptable", "This is an event stream: send Accept: text/event-stream.");
        }
        Long lastEventId = positive(ctx.header("Last-Event-ID"), "Last-Event-ID", true);
        Long since = positive(ctx.queryParam("since"), "since", false);
        if (hub.isClosed()) {
            throw new ApiException(503, "shutting_down", "The server is shutting down; reconnect shortly.");
        }
        Principal principal = AuthGuard.principal(ctx);
        LiveStream stream = hub.reserve(principal);
        if (stream == null) {
            throw new ApiException(429, "too_many_streams",
                    "Too many open streams for this user; close one first.", Map.of(), Map.of("Retry-After", "30"));
        }
        try {
            new SseHandler(client -> {
                client.keepAlive();
                hub.start(stream, client, lastEventId, since);
            }).handle(ctx);
        } catch (RuntimeException e) {
            stream.close();
            hub.remove(stream);
            throw e;
        }
    }

    /** A positive whole number, or null when absent; else a 400 (an empty Last-Event-ID counts as absent). */
    private static Long positive(String text, String name, boolean emptyIsAbsent) {
        if (text == null || (emptyIsAbsent && text.isBlank())) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the 400 below
        }
        throw ApiException.invalid(name, name + " must be a whole number (an event or tweet id).");
    }
}
