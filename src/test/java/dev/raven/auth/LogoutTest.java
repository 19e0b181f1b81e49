package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithServer("ratelimit.enabled=false")
class LogoutTest {
    static TestServer server;
    static Api api;

    static void assertRejected(Api.Res res) {
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has("refresh_token"), res.toString());
    }

    @Test
    void logoutAnswers205WithAnEmptyBody() {
        TestUser user = api.register(Api.uniqueName("Bye"));

        Api.Res res = Auth.logout(api, user.refresh(), user.access());

        assertEquals(205, res.status());
        assertEquals("", res.body());
    }

    @Test
    void logoutEndsEveryAccessAndRefreshTokenOfThatSessionAtOnce() {
        TestUser user = api.register(Api.uniqueName("Ends"));
        JsonNode rotated = Auth.refresh(api, user.refresh()).json();
        String newerAccess = rotated.get("access").asText();

        assertEquals(205, Auth.logout(api, rotated.get("refresh").asText(), newerAccess).status());

        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, user.access()));
        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, newerAccess));
        Auth.assertTokenNotValid(Auth.refresh(api, rotated.get("refresh").asText()));
    }

    @Test
    void logoutLeavesTheUsersOtherSessionsWorking() {
        TestUser user = api.register(Api.uniqueName("Others"));
        JsonNode other = Auth.newSession(api, user);

        assertEquals(205, Auth.logout(api, user.refresh(), user.access()).status());

        assertEquals(202, api.get(Auth.CURRENT_USER, other.get("access").asText()).status());
        assertEquals(200, Auth.refresh(api, other.get("refresh").asText()).status());
    }

    @Test
    void logoutMayNameAnotherSessionOfTheSameUser() {
        TestUser user = api.register(Api.uniqueName("Remote"));
        JsonNode laptop = Auth.newSession(api, user);

        assertEquals(205, Auth.logout(api, laptop.get("refresh").asText(), user.access()).status());

        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, laptop.get("access").asText()));
        assertEquals(202, api.get(Auth.CURRENT_USER, user.access()).status());
    }

    @Test
    void aBadRefreshTokenIs400() {
        TestUser user = api.register(Api.uniqueName("BadTok"));
        assertRejected(Auth.logout(api, "not-a-refresh-token", user.access()));
        assertEquals(202, api.get(Auth.CURRENT_USER, user.access()).status(), "the session goes on");
    }

    @Test
    void aSpentRefreshTokenIs400() {
        TestUser user = api.register(Api.uniqueName("SpentTok"));
        JsonNode rotated = Auth.refresh(api, user.refresh()).json();

        assertRejected(Auth.logout(api, user.refresh(), rotated.get("access").asText()));
    }

    @Test
    void anotherUsersRefreshTokenIs400AndLeavesTheirSessionAlone() {
        TestUser me = api.register(Api.uniqueName("Me"));
        TestUser victim = api.register(Api.uniqueName("Victim"));

        assertRejected(Auth.logout(api, victim.refresh(), me.access()));

        assertEquals(202, api.get(Auth.CURRENT_USER, victim.access()).status());
        assertEquals(200, Auth.refresh(api, victim.refresh()).status());
    }

    @Test
    void theRefreshTokenOfASessionAlreadyLoggedOutIs400() {
        TestUser user = api.register(Api.uniqueName("Twice"));
        JsonNode other = Auth.newSession(api, user);
        assertEquals(205, Auth.logout(api, user.refresh(), user.access()).status());

        assertRejected(Auth.logout(api, user.refresh(), other.get("access").asText()));
    }

    @Test
    void aMissingRefreshTokenIs400() {
        TestUser user = api.register(Api.uniqueName("Missing"));
        assertRejected(api.post(Auth.LOGOUT, Map.of(), user.access()));
        assertRejected(api.post(Auth.LOGOUT, null, user.access()));
        assertEquals(400, api.post(Auth.LOGOUT, Map.of("refresh_token", 5), user.access()).status());
    }

    @Test
    void logoutNeedsAnAccessToken() {
        TestUser user = api.register(Api.uniqueName("NoAuth"));
        Api.Res res = Auth.logout(api, user.refresh(), null);
        assertEquals(401, res.status());
        assertEquals("not_authenticated", res.json().get("code").asText());
        assertEquals(200, Auth.refresh(api, user.refresh()).status(), "nothing was logged out");
    }

    @Test
    void logoutAllAnswers205WithAnEmptyBody() {
        TestUser user = api.register(Api.uniqueName("All"));

        Api.Res res = api.post(Auth.LOGOUT_ALL, null, user.access());

        assertEquals(205, res.status());
        assertEquals("", res.body());
    }

    @Test
    void logoutAllEndsEverySessionOfTheUserIncludingAccessTokens() {
        TestUser user = api.register(Api.uniqueName("Everywhere"));
        JsonNode phone = Auth.newSession(api, user);
        JsonNode laptop = Auth.newSession(api, user);

        assertEquals(205, api.post(Auth.LOGOUT_ALL, Map.of(), phone.get("access").asText()).status());

        for (JsonNode session : new JsonNode[]{phone, laptop}) {
            Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, session.get("access").asText()));
            Auth.assertTokenNotValid(Auth.refresh(api, session.get("refresh").asText()));
        }
        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, user.access()));
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }

    @Test
    void logoutAllLeavesOtherUsersAlone() {
        TestUser user = api.register(Api.uniqueName("Mine"));
        TestUser bystander = api.register(Api.uniqueName("Bystander"));

        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, user.access()).status());

        assertEquals(202, api.get(Auth.CURRENT_USER, bystander.access()).status());
    }

    @Test
    void theUserCanLogInAgainAfterLogoutAll() {
        TestUser user = api.register(Api.uniqueName("Again"));
        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, user.access()).status());

        JsonNode fresh = Auth.newSession(api, user);
        assertEquals(202, api.get(Auth.CURRENT_USER, fresh.get("access").asText()).status());
    }

    @Test
    void logoutAllNeedsAnAccessToken() {
        assertEquals(401, api.post(Auth.LOGOUT_ALL, null, null).status());
    }
}
