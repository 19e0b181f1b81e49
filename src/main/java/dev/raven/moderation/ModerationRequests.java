package dev.raven.moderation;

/** Request bodies of the moderation routes. */
final class ModerationRequests {
    private ModerationRequests() {
    }

    /** POST /api/moderation/report/: {@code target_id} is a tweet, reply or user id. */
    record NewReport(String targetType, Long targetId, String reason, String comment) {
    }

    /** Resolving a report: {@code action} is dismiss, delete, suspend or silence. */
    record Action(String action, String reason) {
    }

    /** An account action or a delete: why, for the log. */
    record Reason(String reason) {
    }

    record SetRole(String role) {
    }

    /** POST /api/invites/: how many registrations the code allows, and for how many days. */
    record NewInvite(Integer maxUses, Integer expiresInDays) {
    }
}
