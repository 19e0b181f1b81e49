package dev.raven.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;

/**
 * The browser session cookie: HttpOnly (no script reads it), SameSite=Lax (other sites'
 * forms do not carry it), Secure when the request came over HTTPS, directly or, with
 * http.trust.proxy, as the proxy's X-Forwarded-Proto says.
 */
public final class WebCookie {
    public static final String NAME = "raven_session";

    private final boolean trustProxy;
    private final int maxAgeSeconds;

    public WebCookie(boolean trustProxy, Duration ttl) {
        this.trustProxy = trustProxy;
        this.maxAgeSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
    }

    public String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    public void set(Context ctx, String token) {
        ctx.cookie(cookie(ctx, token, maxAgeSeconds));
    }

    public void clear(Context ctx) {
        ctx.cookie(cookie(ctx, "", 0));
    }

    private Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(NAME, value, "/", maxAge, isHttps(ctx), true, null, SameSite.LAX);
    }

    /** Whether the browser reached us over HTTPS. */
    public boolean isHttps(Context ctx) {
        if (trustProxy) {
            String proto = ctx.header("X-Forwarded-Proto");
            if (proto != null && !proto.isBlank()) {
                return proto.split(",")[0].trim().equalsIgnoreCase("https");
            }
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
