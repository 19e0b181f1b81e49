package dev.raven.auth;

import java.time.Instant;

/** One account as stored. */
public record UserRow(long id, String username, String email, String passwordHash, String mode,
                      boolean isStaff, boolean isActive, Instant dateJoined, String role, String status) {
    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
    public static final String SUSPENDED = "suspended";
}
