package dev.raven.auth;

import java.time.Instant;

/** One account as stored. */
public record UserRow(long id, String username, String email, String passwordHash, String mode,
                      boolean isStaff, boolean isActive, Instant dateJoined) {
}
