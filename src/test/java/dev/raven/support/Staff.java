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

    /**
     * An active account with this role under any registration.mode: registers (with a fresh
     * invite code, which open and approval ignore), activates it in the database, logs in.
     */
    public static TestUser account(Api api, Jdbi jdbi, String username, String role) {
        String code = "T" + Long.toHexString(System.nanoTime()).toUpperCase();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO invites (code, max_uses, expires_at, created_at) "
                + "VALUES (:code, 1, :later, :now)").bind("code", code)
                .bind("later", java.time.Instant.now().plusSeconds(3600)).bind("now", java.time.Instant.now()).execute());
        java.util.Map<String, Object> body = Api.registration(username, TestUser.PASSWORD);
        body.put("invite_code", code);
        Api.Res res = api.post("/api/auth/user/register/", body, null);
        if (res.status() != 201 && res.status() != 202) {
            throw new AssertionError("registration of " + username + " failed: " + res);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET status = 'active', is_active = TRUE, role = :role "
                + "WHERE username = :name").bind("role", role).bind("name", username).execute());
        Api.Res login = api.login(username, TestUser.PASSWORD);
        if (login.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + login);
        }
        String access = login.json().get("access").asText();
        Api.Res me = api.get("/api/auth/user/current_user/", access);
        return new TestUser(me.json().get("user_id").asLong(), me.json().get("profile_id").asLong(), username,
                access, login.json().get("refresh").asText());
    }

    public static TestUser withRole(TestUser user, Jdbi jdbi, String role) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("role", role).bind("id", user.userId()).execute());
        return user;
    }
}
