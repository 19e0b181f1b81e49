package dev.raven.http;

import io.javalin.http.Context;

/** The client's address, for rate limits and session records. */
public final class ClientAddress {
    private final boolean trustProxy;

    public ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // The right-most entry is the one our own proxy appended: the only one it vouches for.
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return ctx.ip();
    }
}
