package dev.raven.auth;

import dev.raven.profile.Profile;

/** Response bodies of the auth routes. */
final class AuthResponses {
    private AuthResponses() {
    }

    /** Registration and password change: the account, its profile and tokens. */
    record AccountWithTokens(String email, String username, Profile profile, Tokens tokens) {
    }

    record CurrentUser(long userId, long profileId, String imageUrl, String username, String alias,
                       String email, String mode) {
    }

    /** Registration under registration.mode=approval: no tokens until a moderator approves. */
    record AwaitingApproval(String message, String username, String email) {
    }

    record AccountSettings(String username, String email, String mode) {
    }
}
