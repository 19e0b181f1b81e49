package dev.raven.auth;

import dev.raven.app.Access;
import dev.raven.http.Unauthorized;
import dev.raven.web.SignInRequired;
import dev.raven.web.WebCookie;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The one before-handler that finds the caller. API routes not marked PUBLIC (or OPERATOR) need a
 * valid access token whose session is still live; web pages find theirs by the session cookie,
 * under the same liveness rule. The caller is then on the context.
 */
public final class AuthGuard {
    private static final String PRINCIPAL = "raven.principal";
    /** GET current_user's answer, when the session check read it from the database just now. */
    private static final String ACCOUNT = "raven.account";

    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private final WebSessions webSessions;
    private final WebCookie webCookie;

    public AuthGuard(AccessTokens accessTokens, Sessions sessions, WebSessions webSessions, WebCookie webCookie) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.webSessions = webSessions;
        this.webCookie = webCookie;
    }

    public void check(Context ctx) {
        if (Access.isPage(ctx.routeRoles())) {
            checkPage(ctx, ctx.routeRoles().contains(Access.SIGNED_IN_PAGE));
            return;
        }
        if (ctx.routeRoles().contains(Access.PUBLIC) || ctx.routeRoles().contains(Access.OPERATOR)) {
            return; // operator routes have their own guard
        }
        if (ctx.routeRoles().contains(Access.STREAM) && ctx.header("Authorization") == null) {
            String cookie = webCookie.read(ctx);
            Principal principal = cookie == null ? null : webSessions.principal(cookie).orElse(null);
            if (principal == null) {
                throw Unauthorized.notAuthenticated();
            }
            ctx.attribute(PRINCIPAL, principal);
            return;
        }
        String token = bearerToken(ctx.header("Authorization"));
        AccessTokens.AccessClaims claims = accessTokens.verify(token);
        LiveSession session = sessions.live(claims).orElseThrow(() -> sessions.accountIsActive(claims.userId())
                ? Unauthorized.tokenNotValid("Session has ended; log in again.")
                : Unauthorized.userNotFound());
        ctx.attribute(PRINCIPAL, session.principal());
        if (session.account() != null) {
            ctx.attribute(ACCOUNT, session.account());
        }
    }

    /** Web pages: the browser session's person, if the cookie names a live session. */
    private void checkPage(Context ctx, boolean required) {
        String token = webCookie.read(ctx);
        Optional<Principal> principal = token == null ? Optional.empty() : webSessions.principal(token);
        if (principal.isPresent()) {
            ctx.attribute(PRINCIPAL, principal.get());
            return;
        }
        if (token != null) {
            webCookie.clear(ctx); // the session ended elsewhere: forget it
        }
        if (required) {
            throw new SignInRequired();
        }
    }

    /**
     * For public routes that show more to some callers (pictures of followers-only tweets):
     * the caller by access token if one is sent (a bad one is a 401, as anywhere), else by
     * the web app's session cookie, else nobody.
     */
    public Optional<Principal> optionalPrincipal(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            AccessTokens.AccessClaims claims = accessTokens.verify(bearerToken(header));
            return Optional.of(sessions.principal(claims).orElseThrow(() -> sessions.accountIsActive(claims.userId())
                    ? Unauthorized.tokenNotValid("Session has ended; log in again.")
                    : Unauthorized.userNotFound()));
        }
        String token = webCookie.read(ctx);
        return token == null ? Optional.empty() : webSessions.principal(token);
    }

    /** The person behind a web page, if signed in. */
    public static Optional<Principal> principalIfAny(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The caller of a route behind the guard. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route " + ctx.path() + " is public but asked for the caller");
        }
        return p;
    }

    /** The caller's account as the session check read it from the database in this request, if it did. */
    static Optional<AuthResponses.CurrentUser> accountReadWithSession(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACCOUNT));
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
