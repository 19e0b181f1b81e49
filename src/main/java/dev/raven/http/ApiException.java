package dev.raven.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected failure with the status, stable code and human message the client sees.
 * Handlers throw it; {@link ErrorMapper} turns it into the one JSON error shape.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public ApiException(int status, String code, String message,
                        Map<String, List<String>> fieldErrors, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
        this.headers = headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid", message, Map.of(field, List.of(message)), Map.of());
    }

    public static ApiException invalid(Map<String, List<String>> errors) {
        String first = errors.values().iterator().next().get(0);
        return new ApiException(400, "invalid", first, new LinkedHashMap<>(errors), Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_denied", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    /** A change that cannot be stored for lack of disk space (HTTP 507). */
    public static ApiException insufficientStorage() {
        return new ApiException(507, "insufficient_storage",
                "The server is out of disk space and cannot save changes right now; reading still works. "
                        + "Try again later.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
