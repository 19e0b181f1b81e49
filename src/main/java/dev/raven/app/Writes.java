package dev.raven.app;

import io.javalin.security.RouteRole;

/**
 * What a POST, PUT or DELETE route writes, where it matters: while the disk is low on space
 * (storage.WriteGate) changes are refused with 507 except for the routes marked here.
 */
public enum Writes implements RouteRole {
    /** Writes nothing although it is a POST (a search): always served. */
    NONE,
    /**
     * A small session write (log in, refresh, log out): served while space is low, so that
     * people stay signed in to read and can end a session; the floor keeps room for these.
     */
    SESSION
}
