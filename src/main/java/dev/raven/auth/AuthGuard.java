package dev.raven.auth;

import dev.raven.app.Access;
import dev.raven.http.Unauthorized;
import io.javalin.http.Context;

/**
 * The one before-handler that checks JWTs. Every matched route not marked PUBLIC (or OPERATOR) needs
 * a valid access token whose session is still live; the caller is then on the context.
 */
public final class AuthGuard {
    private static final String PRINCIPAL = "raven.principal";

    private final AccessTokens accessTokens;
    private final Sessions sessions;

    public AuthGuard(AccessTokens accessTokens, Sessions sessions) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC) || ctx.routeRoles().contains(Access.OPERATOR)) {
            return; // operator routes have their own guard
        }
        String token = bearerToken(ctx.header("Authorization"));
        AccessTokens.AccessClaims claims = accessTokens.verify(token);
        Principal principal = sessions.principal(claims).orElseThrow(() -> sessions.accountIsActive(claims.userId())
                ? Unauthorized.tokenNotValid("Session has ended; log in again.")
                : Unauthorized.userNotFound());
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The caller of a route behind the guard. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route " + ctx.path() + " is public but asked for the caller");
        }
        return p;
    }

    /** Accepts the old clients' "JWT <token>" and the usual "Bearer <token>". */
    static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw Unauthorized.notAuthenticated();
        }
        String[] parts = header.trim().split("\\s+");
        if (parts.length != 2 || !(parts[0].equalsIgnoreCase("JWT") || parts[0].equalsIgnoreCase("Bearer"))) {
            throw Unauthorized.tokenNotValid("Authorization header must be 'JWT <token>' or 'Bearer <token>'.");
        }
        return parts[1];
    }
}
