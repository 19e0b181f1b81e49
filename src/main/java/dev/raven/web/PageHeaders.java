package dev.raven.web;

import io.javalin.http.Context;

/** The headers every HTML response carries: no inline script or style, no framing, no sniffing. */
public final class PageHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private PageHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // Pages show one person's data: never from a shared cache.
        ctx.header("Cache-Control", "no-store");
        // htmx asks for fragments of the same URLs: caches must keep the two apart.
        ctx.header("Vary", "HX-Request");
    }
}
