package dev.raven.profile;

/** Request bodies of the profile routes. */
final class ProfileRequests {
    private ProfileRequests() {
    }

    /** PUT edit/: every field optional; absent or null = unchanged. Unknown keys (profile_id) are ignored. */
    record Edit(String alias, String bio, String imageUrl, String backgroundImageUrl) {
    }
}
