package dev.raven.app;

import io.javalin.security.RouteRole;

/** Who may call a route: every route in the table names one. */
public enum Access implements RouteRole {
    /** No token needed. */
    PUBLIC,
    /** A valid access token of a live session. */
    USER,
    /** Local operator tools only: a loopback request with the token from data.dir (see ops.OperatorGuard). */
    OPERATOR
}
