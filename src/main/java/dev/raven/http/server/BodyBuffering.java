package dev.raven.http.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.config.HttpLimits;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;


/**
 * Reads each request body in full before the next handler (Javalin, which reads bodies
 * with blocking calls) gets a thread for it. While the body arrives no thread waits: Jetty
 * calls back as bytes come in. So a client that sends its body a byte at a time costs a
 * connection and a small buffer, never a request thread. A body larger than
 * http.max.body.bytes is answered 413 (after reading and dropping it, up to 1 MiB and
 * http.body.timeout: see {@link BodyDrain}); one that takes longer than http.body.timeout, or
 * arrives slower than http.min.data.rate after the grace, is answered 408. Picture uploads
 * also share a budget of bytes in memory ({@link UploadBudget}).
 */
public final class BodyBuffering extends Handler.Wrapper {
    static final Logger log = LoggerFactory.getLogger(BodyBuffering.class);

    private final long maxBodyBytes;
    private final LargeBodies largeBodies;
    private final HttpLimits limits;
    private final JsonAnswers answers;
    private final ThrottledLog cuts;
    private final ThrottledLog busy;
    private final UploadBudget uploads;

    /**
     * Routes that take more than http.max.body.bytes (picture uploads): the paths they match,
     * their own limit, the 413 message that says which limit it is, and how many of their
     * bytes may be held at once across all of them (see {@link UploadBudget}).
     */
    public record LargeBodies(java.util.function.Predicate<String> paths, long maxBytes, String tooLargeMessage,
                              long budgetBytes) {
    }

    public BodyBuffering(long maxBodyBytes, LargeBodies largeBodies, HttpLimits limits, ObjectMapper mapper,
                         EarlyCors cors, ClientLimitLogs logs) {
        this.maxBodyBytes = maxBodyBytes;
        this.largeBodies = largeBodies;
        this.limits = limits;
        this.answers = new JsonAnswers(mapper, largeBodies.tooLargeMessage(), cors);
        this.cuts = logs.create(log, "request(s) cut with 408, body too slow");
        this.busy = logs.create(log, "upload(s) answered 503, too many uploads waiting (media.upload.buffer.bytes)");
        this.uploads = new UploadBudget(largeBodies.budgetBytes());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long declared = declaredLength(request);
        if (declared == 0) {
            return next.handle(request, response, callback);
        }
        boolean large = largeBodies.paths().test(Request.getPathInContext(request));
        long limit = large ? largeBodies.maxBytes() : maxBodyBytes;
        if (declared > limit) {
            BodyDrain.thenAnswer(request, declared, limits.bodyTimeout(),
                    () -> answers.tooLarge(request, response, callback, large));
            return true;
        }
        if (large) {
            readWithinBudget(next, request, response, callback, declared, limit);
        } else {
            new BodyRead(this, next, request, response, callback, declared, limit, false).start();
        }
        return true;
    }

    /**
     * An upload's body is read once its bytes fit in the budget, which it holds until its
     * answer is sent. Until then nothing is read and no thread waits; after http.body.timeout
     * in the queue it is answered 503 busy.
     */
    private void readWithinBudget(Handler next, Request request, Response response, Callback callback,
                                  long declared, long limit) {
        long bytes = declared > 0 ? declared : limit;
        AtomicBoolean released = new AtomicBoolean();
        Callback releasing = Callback.from(callback, () -> {
            if (released.compareAndSet(false, true)) {
                uploads.release(bytes);
            }
        });
        BodyRead read = new BodyRead(this, next, request, response, releasing, declared, limit, true);
        AtomicReference<Scheduler.Task> giveUp = new AtomicReference<>();
        UploadBudget.Waiter waiter = uploads.reserveOrWait(bytes, () -> {
            cancel(giveUp);
            startOnPoolThread(request, read, releasing);
        });
        if (waiter == null) {
            read.start();
            return;
        }
        giveUp.set(request.getComponents().getScheduler().schedule(() -> {
            if (uploads.abandon(waiter)) {
                busy.record(Request.getRemoteAddr(request));
                answers.busy(request, response, callback, limits.bodyTimeout());
            }
        }, limits.bodyTimeout().toNanos(), TimeUnit.NANOSECONDS));
        if (waiter.isGranted()) {
            cancel(giveUp); // granted before the timer was set: the grant found nothing to cancel
        }
    }

    /** Cancelled, so that a queued timer does not keep its upload (and the body) alive; at most once. */
    private static void cancel(AtomicReference<Scheduler.Task> timer) {
        Scheduler.Task task = timer.getAndSet(null);
        if (task != null) {
            task.cancel();
        }
    }

    /** Room was made by whoever finished: maybe Jetty's selector, which must not run a handler. */
    private static void startOnPoolThread(Request request, BodyRead read, Callback callback) {
        try {
            request.getContext().execute(read::start);
        } catch (RejectedExecutionException e) {
            // The server is stopping.
            callback.failed(e);
        }
    }

    /** The Content-Length, -1 for a chunked body of unknown length, 0 when there is no body. */
    private static long declaredLength(Request request) {
        long length = 0;
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
                length = field.getLongValue();
            } else if (field.getHeader() == HttpHeader.TRANSFER_ENCODING
                    && field.contains(HttpHeaderValue.CHUNKED.asString())) {
                return -1;
            }
        }
        return length;
    }

    HttpLimits limits() {
        return limits;
    }

    JsonAnswers answers() {
        return answers;
    }

    void recordCut(String client) {
        cuts.record(client);
    }
}
