package dev.raven.auth;

import java.time.LocalDate;

/** Request bodies of the auth routes, as the contract names their keys. */
final class AuthRequests {
    private AuthRequests() {
    }

    record Login(String username, String password) {
    }

    record Refresh(String refresh) {
    }

    /** {@code reason} is read under registration.mode=approval, {@code inviteCode} under invite. */
    record Register(String username, String email, String password, String password2, ProfileInput profile,
                    String reason, String inviteCode) {
    }

    record ProfileInput(LocalDate dateOfBirth, String alias, String bio, String imageUrl, String backgroundImageUrl) {
    }

    record RefreshTokenBody(String refreshToken) {
    }

    record EditUser(String username, String email, String mode, Boolean updatePassword,
                    String currentPassword, String newPassword) {
    }
}
