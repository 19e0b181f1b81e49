package dev.raven.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        write(ctx, 500, new ErrorBody("Internal server error.", "internal_error", Map.of()));
    }

    private static void write(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(body);
    }
}
