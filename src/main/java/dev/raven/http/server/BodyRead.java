package dev.raven.http.server;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reading one request's body into memory. Jetty calls {@link #run()} when bytes arrive (on
 * its selector or a pooled thread, never blocking); a timer checks the deadline and the
 * data rate even when nothing arrives. Whichever finishes first, the body or the timer, wins.
 */
final class BodyRead implements Invocable.Task {
    /** How often, at most, the rate is re-checked while bytes keep coming. */
    private static final long MIN_CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private enum Step { MORE, WAIT, COMPLETE, TOO_LARGE, FAILED, OVER }

    private final BodyBuffering owner;
    private final Handler next;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long startNanos = NanoTime.now();
    private final long deadlineNanos;
    private final long graceNanos;
    private final int minRate;
    private final long maxBytes;
    /** The buffer never grows past this: the declared length when there is one. */
    private final long maxCapacity;
    private final boolean large;

    // Guarded by this.
    private byte[] bytes;
    private int size;
    private boolean over;
    private Throwable failure;
    private Scheduler.Task timer;

    BodyRead(BodyBuffering owner, Handler next, Request request, Response response, Callback callback,
             long declaredLength, long maxBytes, boolean large) {
        this.maxBytes = maxBytes;
        this.maxCapacity = declaredLength > 0 ? Math.min(declaredLength, maxBytes) : maxBytes;
        this.large = large;
        this.owner = owner;
        this.next = next;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.deadlineNanos = owner.limits().bodyTimeout().toNanos();
        this.graceNanos = Math.min(owner.limits().minDataRateGrace().toNanos(), deadlineNanos);
        this.minRate = owner.limits().minDataRate();
        // Grow as bytes arrive: a declared length costs nothing until it is sent.
        this.bytes = new byte[(int) Math.min(declaredLength > 0 ? declaredLength : 1024, 4096)];
    }

    void start() {
        schedule(minRate > 0 ? graceNanos : deadlineNanos);
        readAvailable(false);
    }

    /** Jetty's demand callback: more bytes (or the end, or a failure) are there. */
    @Override
    public void run() {
        readAvailable(true);
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    private void readAvailable(boolean calledBack) {
        while (true) {
            Step step = readOne();
            switch (step) {
                case MORE -> {
                }
                case WAIT -> {
                    request.demand(this);
                    return;
                }
                case COMPLETE -> {
                    cancelTimer();
                    Request buffered;
                    synchronized (this) {
                        buffered = new BufferedRequest(request, ByteBuffer.wrap(bytes, 0, size));
                        // The request holds the body now; a timer task still queued must not keep it.
                        bytes = null;
                    }
                    // A callback may run on Jetty's selector: the blocking handler needs a thread of its own.
                    if (calledBack) {
                        dispatch(buffered);
                    } else {
                        handleNext(buffered);
                    }
                    return;
                }
                case TOO_LARGE -> {
                    cancelTimer();
                    owner.answers().tooLarge(request, response, callback, large);
                    return;
                }
                case FAILED -> {
                    cancelTimer();
                    onFailure();
                    return;
                }
                case OVER -> {
                    return;
                }
            }
        }
    }

    private synchronized Step readOne() {
        if (over) {
            return Step.OVER;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            return Step.WAIT;
        }
        try {
            if (Content.Chunk.isFailure(chunk)) {
                over = true;
                bytes = null;
                failure = chunk.getFailure();
                return Step.FAILED;
            }
            ByteBuffer data = chunk.getByteBuffer();
            if ((long) size + data.remaining() > maxBytes) {
                over = true;
                bytes = null;
                return Step.TOO_LARGE;
            }
            append(data);
            if (chunk.isLast()) {
                over = true;
                return Step.COMPLETE;
            }
            return Step.MORE;
        } finally {
            chunk.release();
        }
    }

    private void append(ByteBuffer data) {
        int n = data.remaining();
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(Math.min(bytes.length * 2L, maxCapacity), size + n));
        }
        data.get(bytes, size, n);
        size += n;
    }

    private void onFailure() {
        Throwable cause;
        synchronized (this) {
            cause = failure;
        }
        if (cause instanceof TimeoutException) {
            // Jetty's idle timeout: the client went silent mid-body.
            cut();
            return;
        }
        // The client went away mid-body: nobody is left to answer, and it is not our error.
        BodyBuffering.log.debug("Client {} closed the connection mid-body: {}", client(), cause.toString());
        callback.failed(cause);
    }

    /** The timer: cuts the request if it is past its deadline or below the minimum rate. */
    private void check() {
        long elapsed = NanoTime.since(startNanos);
        long nextCheck;
        synchronized (this) {
            if (over) {
                return;
            }
            boolean late = elapsed >= deadlineNanos;
            boolean slow = minRate > 0 && elapsed >= graceNanos && size < minRate * (elapsed / 1e9);
            if (!late && !slow) {
                // The earliest moment the average could fall below the minimum if nothing more came.
                long rateHolds = minRate > 0 ? (long) (size * 1e9 / minRate) : deadlineNanos;
                nextCheck = Math.min(deadlineNanos, Math.max(rateHolds, elapsed + MIN_CHECK_INTERVAL_NANOS));
                schedule(nextCheck - elapsed);
                return;
            }
            over = true;
            bytes = null;
        }
        cut();
    }

    private void cut() {
        owner.recordCut(client());
        owner.answers().timedOut(request, response, callback);
    }

    private synchronized void schedule(long delayNanos) {
        timer = request.getComponents().getScheduler().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private synchronized void cancelTimer() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void dispatch(Request buffered) {
        try {
            request.getContext().execute(() -> handleNext(buffered));
        } catch (RejectedExecutionException e) {
            // The server is stopping.
            callback.failed(e);
        }
    }

    private void handleNext(Request buffered) {
        try {
            if (!next.handle(buffered, response, callback)) {
                Response.writeError(buffered, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable t) {
            Response.writeError(buffered, response, callback, t);
        }
    }

    private String client() {
        return Request.getRemoteAddr(request);
    }
}
