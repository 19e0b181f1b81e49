package dev.raven.auth;

/** The authenticated caller of a request: who, and through which login session. */
public record Principal(long userId, long sessionId, String username, boolean staff) {
}
