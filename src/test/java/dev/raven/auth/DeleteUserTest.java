package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithServer("ratelimit.enabled=false")
class DeleteUserTest {
    private static final String DELETE = "/api/auth/user/delete/";
    private static final String CURRENT_USER = "/api/auth/user/current_user/";

    static TestServer server;
    static Api api;

    static Api.Res delete(String refresh, String access) {
        return api.delete(DELETE, Map.of("refresh_token", refresh), access);
    }

    static long count(String sql, long userId) {
        return server.app().database().jdbi().withHandle(h ->
                h.createQuery(sql).bind("id", userId).mapTo(Long.class).one());
    }

    static long usersWithId(long userId) {
        return count("SELECT COUNT(*) FROM users WHERE id = :id", userId);
    }

    @Test
    void deleteAnswers204WithAnEmptyBody() {
        TestUser user = api.register(Api.uniqueName("Gone"));

        Api.Res res = delete(user.refresh(), user.access());

        assertEquals(204, res.status(), res.toString());
        assertEquals("", res.body());
    }

    @Test
    void aDeletedUserCanNoLongerLogIn() {
        TestUser user = api.register(Api.uniqueName("NoLogin"));
        assertEquals(204, delete(user.refresh(), user.access()).status());

        Api.Res res = api.login(user.username(), TestUser.PASSWORD);
        assertEquals(401, res.status());
        assertEquals("No active account found with the given credentials", res.json().get("message").asText());
    }

    @Test
    void everyTokenOfADeletedUserFailsAtOnce() {
        TestUser user = api.register(Api.uniqueName("Tokens"));
        var other = api.login(user.username(), TestUser.PASSWORD).json();
        assertEquals(204, delete(user.refresh(), user.access()).status());

        for (String access : new String[]{user.access(), other.get("access").asText()}) {
            Api.Res res = api.get(CURRENT_USER, access);
            assertEquals(401, res.status(), res.toString());
            assertTrue(Set.of("user_not_found", "token_not_valid").contains(res.json().get("code").asText()),
                    res.toString());
            assertEquals("JWT realm=\"api\"", res.header("WWW-Authenticate"));
        }
        Auth.assertTokenNotValid(Auth.refresh(api, other.get("refresh").asText()));
    }

    @Test
    void theUserTheirProfileAndTheirSessionsAreRemovedFromTheDatabase() {
        TestUser user = api.register(Api.uniqueName("Cascade"));
        api.login(user.username(), TestUser.PASSWORD);
        assertEquals(1, count("SELECT COUNT(*) FROM profiles WHERE user_id = :id", user.userId()));
        assertEquals(2, count("SELECT COUNT(*) FROM login_sessions WHERE user_id = :id", user.userId()));

        assertEquals(204, delete(user.refresh(), user.access()).status());

        assertEquals(0, usersWithId(user.userId()));
        assertEquals(0, count("SELECT COUNT(*) FROM profiles WHERE user_id = :id", user.userId()));
        assertEquals(0, count("SELECT COUNT(*) FROM profiles WHERE id = :id", user.profileId()));
        assertEquals(0, count("SELECT COUNT(*) FROM login_sessions WHERE user_id = :id", user.userId()));
        assertEquals(0, count("SELECT COUNT(*) FROM refresh_tokens t JOIN login_sessions s ON s.id = t.session_id "
                + "WHERE s.user_id = :id", user.userId()));
    }

    @Test
    void aDeactivatedAccountsTokensFailAtOnceAndItCannotLogIn() {
        TestUser user = api.register(Api.uniqueName("Inactive"));
        server.app().database().jdbi().useHandle(h ->
                h.execute("UPDATE users SET is_active = FALSE WHERE id = ?", user.userId()));

        Auth.assertUnauthorized(api.get(CURRENT_USER, user.access()), "user_not_found");
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
        Api.Res login = api.login(user.username(), TestUser.PASSWORD);
        assertEquals(401, login.status());
        assertEquals("No active account found with the given credentials", login.json().get("message").asText());
    }

    @Test
    void deletingOneUserLeavesOthersAlone() {
        TestUser user = api.register(Api.uniqueName("Leaving"));
        TestUser stays = api.register(Api.uniqueName("Staying"));

        assertEquals(204, delete(user.refresh(), user.access()).status());

        assertEquals(202, api.get(CURRENT_USER, stays.access()).status());
        assertEquals(1, usersWithId(stays.userId()));
        assertEquals(1, count("SELECT COUNT(*) FROM profiles WHERE user_id = :id", stays.userId()));
    }

    @Test
    void theUsernameAndEmailAreFreeAgainAfterDeletion() {
        TestUser user = api.register(Api.uniqueName("Reborn"));
        assertEquals(204, delete(user.refresh(), user.access()).status());

        TestUser again = api.register(user.username());
        assertTrue(again.userId() != user.userId());
    }

    @Test
    void aBadRefreshTokenIs400AndDeletesNothing() {
        TestUser user = api.register(Api.uniqueName("Bad"));

        Api.Res res = delete("not-a-refresh-token", user.access());

        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has("refresh_token"));
        assertEquals(1, usersWithId(user.userId()));
    }

    @Test
    void aSpentRefreshTokenIs400AndDeletesNothing() {
        TestUser user = api.register(Api.uniqueName("Spent"));
        var rotated = Auth.refresh(api, user.refresh()).json();

        Api.Res res = delete(user.refresh(), rotated.get("access").asText());

        assertEquals(400, res.status(), res.toString());
        assertEquals(1, usersWithId(user.userId()));
    }

    @Test
    void anotherUsersRefreshTokenIs400AndDeletesNobody() {
        TestUser me = api.register(Api.uniqueName("Me"));
        TestUser victim = api.register(Api.uniqueName("Victim"));

        Api.Res res = delete(victim.refresh(), me.access());

        assertEquals(400, res.status(), res.toString());
        assertEquals(1, usersWithId(me.userId()));
        assertEquals(1, usersWithId(victim.userId()));
        assertEquals(202, api.get(CURRENT_USER, victim.access()).status());
    }

    @Test
    void aLoggedOutSessionsRefreshTokenIs400() {
        TestUser user = api.register(Api.uniqueName("LoggedOut"));
        var other = api.login(user.username(), TestUser.PASSWORD).json();
        assertEquals(205, Auth.logout(api, user.refresh(), user.access()).status());

        assertEquals(400, delete(user.refresh(), other.get("access").asText()).status());
        assertEquals(1, usersWithId(user.userId()));
    }

    @Test
    void aMissingRefreshTokenIs400() {
        TestUser user = api.register(Api.uniqueName("Missing"));
        Api.Res res = api.delete(DELETE, Map.of(), user.access());
        assertEquals(400, res.status());
        assertTrue(res.json().get("errors").has("refresh_token"));
        assertEquals(400, api.delete(DELETE, null, user.access()).status());
        assertEquals(400, api.raw("DELETE", DELETE, "{\"refresh_token\":", user.access()).status());
        assertEquals(1, usersWithId(user.userId()));
    }

    @Test
    void deleteNeedsAnAccessToken() {
        TestUser user = api.register(Api.uniqueName("NoAuth"));
        assertEquals(401, delete(user.refresh(), null).status());
        assertEquals(1, usersWithId(user.userId()));
    }
}
