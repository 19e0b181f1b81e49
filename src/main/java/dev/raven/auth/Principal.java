package dev.raven.auth;

/**
 * The authenticated caller of a request: who, and through which login session. {@code staff}:
 * a moderator or an admin (read with the session, on every request; routes that need the
 * role check it themselves, see dev.raven.moderation.Moderation#require).
 */
public record Principal(long userId, long sessionId, String username, boolean staff) {
}
