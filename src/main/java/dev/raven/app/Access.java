package dev.raven.app;

import io.javalin.security.RouteRole;

import java.util.Set;

/** Who may call a route: every route in the table names one. */
public enum Access implements RouteRole {
    /** No token needed. */
    PUBLIC,
    /** A valid access token of a live session. */
    USER,
    /**
     * Like USER, and a request without an Authorization header may use the web app's
     * session cookie instead (EventSource cannot send headers): GET /api/stream/ only.
     */
    STREAM,
    /** Local operator tools only: a loopback request with the token from data.dir (see ops.OperatorGuard). */
    OPERATOR,
    /** A web page open to anyone; the browser session's person, if any, is known. */
    PAGE,
    /** A web page for a signed-in person: without a live browser session, a redirect to the login page. */
    SIGNED_IN_PAGE;

    /** Web page routes: cookie sessions, CSRF tokens, HTML errors and the page headers. */
    public static boolean isPage(Set<RouteRole> roles) {
        return roles.contains(PAGE) || roles.contains(SIGNED_IN_PAGE);
    }
}
