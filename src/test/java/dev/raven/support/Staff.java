package dev.raven.support;

import org.jdbi.v3.core.Jdbi;

/**
 * Moderators and admins for tests. The first admin of a real instance comes from the
 * command line (admin create / grant, tested in cli/AdminCommandTest); tests set the role
 * in the database directly, the way that command does when no server runs.
 */
public final class Staff {
    private Staff() {
    }

    public static TestUser moderator(Social social, Jdbi jdbi, String prefix) {
        return withRole(social.user(prefix), jdbi, "moderator");
    }

    public static TestUser admin(Social social, Jdbi jdbi, String prefix) {
        return withRole(social.user(prefix), jdbi, "admin");
    }

    public static TestUser withRole(TestUser user, Jdbi jdbi, String role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("role", role).bind("id", user.userId()).execute());
        return user;
    }
}
