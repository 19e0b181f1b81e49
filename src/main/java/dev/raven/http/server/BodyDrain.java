package dev.raven.http.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads and drops the body of a request that is refused before it is read (413), then gives
 * the answer. Closing a connection with bytes still unread makes the kernel send a reset,
 * which can reach the client before it has read the answer: it then sees only a broken
 * connection. Bodies declared larger than {@link #MAX_BYTES} are not worth the bandwidth and
 * are answered at once, and so is one still arriving at the body deadline (a client that
 * trickles it must not hold the connection longer than it could with a body it may send).
 */
final class BodyDrain implements Invocable.Task {
    static final long MAX_BYTES = 1024 * 1024;

    private final Request request;
    private final Runnable answer;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile Scheduler.Task deadline;
    private long left; // only the reading thread of the moment (Jetty's demand calls are serial)

    private BodyDrain(Request request, long declaredLength, Runnable answer) {
        this.request = request;
        this.left = declaredLength;
        this.answer = answer;
    }

    /**
     * Answers after the body is read, at {@code timeout} if it is still arriving then, or at
     * once when it is declared larger than {@link #MAX_BYTES}.
     */
    static void thenAnswer(Request request, long declaredLength, Duration timeout, Runnable answer) {
        if (declaredLength > MAX_BYTES) {
            answer.run();
            return;
        }
        BodyDrain drain = new BodyDrain(request, declaredLength, answer);
        drain.deadline = request.getComponents().getScheduler()
                .schedule(drain::answerOnce, timeout.toNanos(), TimeUnit.NANOSECONDS);
        drain.run();
    }

    /** Jetty's demand callback, and the first read: never blocks. */
    @Override
    public void run() {
        while (!answered.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
            left -= chunk.remaining();
            chunk.release();
            if (end || left <= 0) {
                answerOnce();
                return;
            }
        }
    }

    private void answerOnce() {
        if (answered.compareAndSet(false, true)) {
            Scheduler.Task timer = deadline;
            if (timer != null) {
                timer.cancel(); // a queued timer would keep this request alive until it fired
            }
            answer.run();
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
