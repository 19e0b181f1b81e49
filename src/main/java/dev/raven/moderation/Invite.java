package dev.raven.moderation;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** An invite code as its creator and admins see it. */
public record Invite(long id, String code, int maxUses, int uses, Instant expiresAt, Instant createdAt,
                     @JsonIgnore Long createdBy, String createdByUsername) {
}
