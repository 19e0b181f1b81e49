package dev.raven.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.util.Map;

/** Maps every exception to the JSON error shape; unexpected ones are logged, never shown. */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, ErrorMapper::apiError);
        config.routes.exception(HttpResponseException.class, ErrorMapper::frameworkError);
        config.routes.exception(Exception.class, ErrorMapper::unexpected);
    }

    static void apiError(ApiException e, Context ctx) {
        e.headers().forEach(ctx::header);
        write(ctx, e.status(), new ErrorBody(e.getMessage(), e.code(), e.fieldErrors()));
    }

    /** Javalin's own responses: unknown route, body too large, and the like. */
    static void frameworkError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        write(ctx, status, statusBody(status));
    }

    /** The error body for a bare status, from Javalin or from Jetty itself. */
    static ErrorBody statusBody(int status) {
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 400 -> "bad_request";
            default -> "http_" + status;
        };
        String message = switch (status) {
            case 404 -> "Not found.";
            case 413 -> "Request body is too large.";
            default -> HttpStatus.forStatus(status).getMessage();
        };
        return new ErrorBody(message, code, Map.of());
    }

    static void unexpected(Exception e, Context ctx) {
        if (clientWentAway(e)) {
            // Not our failure and nothing to fix: a stack trace per disconnect only floods the log.
            log.debug("Client went away during {} {}: {}", ctx.method(), ctx.path(), e.toString());
            write(ctx, 400, new ErrorBody("The request ended before its body did.", "bad_request", Map.of()));
            return;
        }
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        write(ctx, 500, new ErrorBody("Internal server error.", "internal_error", Map.of()));
    }

    /**
     * The connection ended early: reading the body hit its end (Jetty's EofException is an
     * EOFException, wherever the body is read), possibly wrapped by whoever was reading.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static void write(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(body);
    }
}
