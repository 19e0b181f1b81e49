package dev.raven.ratelimit;

import dev.raven.http.ApiException;
import io.javalin.http.Context;

import java.util.Map;

/** The outcome of one rate-limit check, and the headers that tell the client about it. */
public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {

    static Decision unlimited(int limit) {
        return new Decision(true, limit, limit, 0);
    }

    public Map<String, String> headers() {
        return Map.of(
                "X-RateLimit-Limit", String.valueOf(limit),
                "X-RateLimit-Remaining", String.valueOf(remaining),
                "X-RateLimit-Reset", String.valueOf(resetSeconds));
    }

    /** Adds the X-RateLimit-* headers, or throws the 429 if the limit is reached. */
    public void enforce(Context ctx) {
        if (resetSeconds == 0) {
            return; // limits are switched off
        }
        if (!allowed) {
            throw tooManyRequests();
        }
        headers().forEach(ctx::header);
    }

    public ApiException tooManyRequests() {
        Map<String, String> headers = new java.util.HashMap<>(headers());
        headers.put("Retry-After", String.valueOf(resetSeconds));
        return new ApiException(429, "rate_limited",
                "Too many requests. Try again in " + resetSeconds + " seconds.", Map.of(), headers);
    }
}
