package dev.raven.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.raven.http.ErrorBody;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The JSON error answers given before a request reaches a route. Each one closes the
 * connection: the rest of the client's body is never read, so the stream cannot be reused.
 */
final class JsonAnswers {
    private final byte[] tooLarge;
    private final byte[] fileTooLarge;
    private final byte[] timedOut;
    private final byte[] busy;
    private final EarlyCors cors;

    JsonAnswers(ObjectMapper mapper, String largeTooLargeMessage, EarlyCors cors) {
        this.cors = cors;
        this.tooLarge = json(mapper, new ErrorBody("Request body is too large.", "request_too_large", Map.of()));
        this.fileTooLarge = json(mapper, new ErrorBody(largeTooLargeMessage, "file_too_large", Map.of()));
        this.timedOut = json(mapper, new ErrorBody("The request body arrived too slowly.", "request_timeout", Map.of()));
        this.busy = json(mapper, new ErrorBody("Too many pictures are being uploaded right now; try again shortly.",
                "busy", Map.of()));
    }

    /** 413; {@code upload} when the route takes pictures, whose limit the message names. */
    void tooLarge(Request request, Response response, Callback callback, boolean upload) {
        write(request, response, 413, upload ? fileTooLarge : tooLarge, callback);
    }

    void timedOut(Request request, Response response, Callback callback) {
        write(request, response, 408, timedOut, callback);
    }

    /** 503 with Retry-After: an upload that waited its whole turn for room in the upload budget. */
    void busy(Request request, Response response, Callback callback, java.time.Duration waited) {
        if (!response.isCommitted()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Math.max(1, waited.toSeconds() / 6));
        }
        write(request, response, 503, busy, callback);
    }

    private void write(Request request, Response response, int status, byte[] body, Callback callback) {
        if (response.isCommitted()) {
            callback.succeeded();
            return;
        }
        response.setStatus(status);
        cors.addTo(request, response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] json(ObjectMapper mapper, ErrorBody body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
