package dev.raven.moderation;

import java.time.Instant;

/** One moderation action: who (actor), what (action on a target), when, and why (reason). */
public record LogEntry(long id, Long actorId, String actorUsername, String action, String targetType,
                       long targetId, String targetUsername, Long reportId, String reason, Instant createdAt) {
}
