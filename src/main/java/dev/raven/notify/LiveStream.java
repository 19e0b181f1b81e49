package dev.raven.notify;

import dev.raven.auth.Principal;
import io.javalin.http.sse.SseClient;

/**
 * One open GET /api/stream/. Writes to it take turns (the event dispatcher, the heartbeat
 * and its own start all write); it holds no thread while idle.
 */
final class LiveStream {
    final Principal principal;
    private SseClient client;
    /** The id of the newest notification sent (or, at the start, the client's Last-Event-ID). */
    long lastSent;
    /** Ready once the client is attached and lastSent is known; events before that wait for its catch-up. */
    boolean ready;
    /** New home timeline posts counted since the stream began (or since the client's ?since=). */
    int newPosts;
    boolean closed;

    LiveStream(Principal principal) {
        this.principal = principal;
    }

    long userId() {
        return principal.userId();
    }

    synchronized void attach(SseClient client) {
        this.client = client;
    }

    /** Sends one event; false when the client is gone (the write failed or it was closed). */
    synchronized boolean send(String event, String data, String id) {
        if (closed || client == null || client.terminated()) {
            return false;
        }
        client.sendEvent(event, data, id);
        return !client.terminated();
    }

    synchronized boolean comment(String text) {
        if (closed || client == null || client.terminated()) {
            return false;
        }
        client.sendComment(text);
        return !client.terminated();
    }

    /** Ends the response; the client's EventSource sees the stream close. */
    synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
