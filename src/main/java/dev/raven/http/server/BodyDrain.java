package dev.raven.http.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads and drops the body of a request that is refused before it is read (413), then gives
 * the answer. Closing a connection with bytes still unread makes the kernel send a reset,
 * which can reach the client before it has read the answer: it then sees only a broken
 * connection. Bodies declared larger than {@link #MAX_BYTES} are not worth the bandwidth and
 * are answered at once.
 */
final class BodyDrain implements Invocable.Task {
    static final long MAX_BYTES = 1024 * 1024;

    private final Request request;
    private final Runnable answer;
    private long left;

    private BodyDrain(Request request, long declaredLength, Runnable answer) {
        this.request = request;
        this.left = declaredLength;
        this.answer = answer;
    }

    /** Answers after the body is read, or at once when it is declared larger than {@link #MAX_BYTES}. */
    static void thenAnswer(Request request, long declaredLength, Runnable answer) {
        if (declaredLength > MAX_BYTES) {
            answer.run();
        } else {
            new BodyDrain(request, declaredLength, answer).run();
        }
    }

    /** Jetty's demand callback, and the first read: never blocks. */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
            left -= chunk.remaining();
            chunk.release();
            if (end || left <= 0) {
                answer.run();
                return;
            }
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
