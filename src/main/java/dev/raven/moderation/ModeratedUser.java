package dev.raven.moderation;

import java.time.Instant;

/** An account as moderators see it: {@code status} is active, pending or suspended. */
public record ModeratedUser(long userId, String username, String email, String role, String status,
                            boolean silenced, String joinReason, Instant dateJoined) {
}
