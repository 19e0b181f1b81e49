package dev.raven.moderation;

import java.time.Instant;

/**
 * A report as moderators see it. {@code content} is the reported tweet's or reply's text
 * (or the profile's alias and bio) as it was when reported; {@code target_user_id} is the
 * account reported. {@code status} is open or resolved; {@code resolution} the action taken.
 */
public record Report(long id, String targetType, long targetId, Long targetUserId, String targetUsername,
                     String content, String reason, String comment, Long reporterId, String reporterUsername,
                     String status, String resolution, String resolvedByUsername, Instant resolvedAt,
                     Instant createdAt) {
}
