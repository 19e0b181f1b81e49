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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Reads each request body in full before the next handler (Javalin, which reads bodies
 * with blocking calls) gets a thread for it. While the body arrives no thread waits: Jetty
 * calls back as bytes come in. So a client that sends its body a byte at a time costs a
 * connection and a small buffer, never a request thread. A body larger than
 * http.max.body.bytes is answered 413; one that takes longer than http.body.timeout, or
 * arrives slower than http.min.data.rate after the grace, is answered 408.
 */
public final class BodyBuffering extends Handler.Wrapper {
    static final Logger log = LoggerFactory.getLogger(BodyBuffering.class);

    private final long maxBodyBytes;
    private final LargeBodies largeBodies;
    private final HttpLimits limits;
    private final JsonAnswers answers;
    private final ThrottledLog cuts;

    /**
     * Routes that take more than http.max.body.bytes (picture uploads): the paths they match,
     * their own limit, and the 413 message that says which limit it is.
     */
    public record LargeBodies(java.util.function.Predicate<String> paths, long maxBytes, String tooLargeMessage) {
        public static LargeBodies none() {
            return new LargeBodies(path -> false, 0, "");
        }
    }

    public BodyBuffering(long maxBodyBytes, HttpLimits limits, ObjectMapper mapper, ClientLimitLogs logs) {
        this(maxBodyBytes, LargeBodies.none(), limits, mapper, logs);
    }

    public BodyBuffering(long maxBodyBytes, LargeBodies largeBodies, HttpLimits limits, ObjectMapper mapper,
                         ClientLimitLogs logs) {
        this.maxBodyBytes = maxBodyBytes;
        this.largeBodies = largeBodies;
        this.limits = limits;
        this.answers = new JsonAnswers(mapper, largeBodies.tooLargeMessage());
        this.cuts = logs.create(log, "request(s) cut with 408, body too slow");
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
            answers.tooLarge(response, callback, large);
            return true;
        }
        new BodyRead(this, next, request, response, callback, declared, limit, large).start();
        return true;
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
