package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithServer
class RefreshTokenTest {
    static TestServer server;
    static Api api;

    @Test
    void refreshAnswers200WithANewPairOfTokens() {
        TestUser user = api.register(Api.uniqueName("Refresh"));

        Api.Res res = Auth.refresh(api, user.refresh());

        assertEquals(200, res.status(), res.toString());
        JsonNode tokens = res.json();
        assertEquals(Set.of("refresh", "access"), Auth.keys(tokens));
        assertNotEquals(user.refresh(), tokens.get("refresh").asText());
        assertNotEquals(user.access(), tokens.get("access").asText());
        Api.Res me = api.get(Auth.CURRENT_USER, tokens.get("access").asText());
        assertEquals(202, me.status());
        assertEquals(user.userId(), me.json().get("user_id").asLong());
    }

    @Test
    void theNewRefreshTokenCanBeUsedInTurn() {
        TestUser user = api.register(Api.uniqueName("Chain"));
        String token = user.refresh();
        for (int i = 0; i < 3; i++) {
            Api.Res res = Auth.refresh(api, token);
            assertEquals(200, res.status(), "refresh " + i + ": " + res);
            token = res.json().get("refresh").asText();
        }
    }

    @Test
    void aRefreshTokenIsSpentByItsUse() {
        TestUser user = api.register(Api.uniqueName("Spent"));
        String next = Auth.refresh(api, user.refresh()).json().get("refresh").asText();
        assertEquals(200, Auth.refresh(api, next).status());

        // Past its retry window's one exception (RefreshRetryWindowTest), a spent token is refused.
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeSession() {
        TestUser user = api.register(Api.uniqueName("Reuse"));
        JsonNode second = Auth.refresh(api, user.refresh()).json();
        JsonNode rotated = Auth.refresh(api, second.get("refresh").asText()).json();
        String newestRefresh = rotated.get("refresh").asText();
        String newestAccess = rotated.get("access").asText();
        assertEquals(202, api.get(Auth.CURRENT_USER, newestAccess).status());

        // Someone replays an older, already spent token: a copy is in other hands.
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));

        Auth.assertTokenNotValid(Auth.refresh(api, newestRefresh));
        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, newestAccess));
        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, user.access()));
    }

    @Test
    void reuseDetectionLeavesTheUsersOtherSessionsAlone() {
        TestUser user = api.register(Api.uniqueName("Other"));
        JsonNode otherSession = api.login(user.username(), TestUser.PASSWORD).json();
        String second = Auth.refresh(api, user.refresh()).json().get("refresh").asText();
        Auth.refresh(api, second);
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));

        assertEquals(202, api.get(Auth.CURRENT_USER, otherSession.get("access").asText()).status());
        assertEquals(200, Auth.refresh(api, otherSession.get("refresh").asText()).status());
    }

    @Test
    void anUnknownRefreshTokenIs401() {
        Auth.assertTokenNotValid(Auth.refresh(api, "no-such-refresh-token"));
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        TestUser user = api.register(Api.uniqueName("Mixup"));
        Auth.assertTokenNotValid(Auth.refresh(api, user.access()));
    }

    @Test
    void refreshAfterLogoutFails() {
        TestUser user = api.register(Api.uniqueName("After"));
        assertEquals(205, api.post("/api/auth/user/logout/", Map.of("refresh_token", user.refresh()), user.access())
                .status());

        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }

    @Test
    void aMissingRefreshFieldIs400() {
        Api.Res res = api.post(Auth.REFRESH, Map.of(), null);
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has("refresh"));
        assertEquals(400, api.post(Auth.REFRESH, Map.of("refresh", ""), null).status());
    }

    @Test
    void wrongJsonTypesAndMalformedJsonAre400() {
        Api.Res wrongType = api.post(Auth.REFRESH, Map.of("refresh", 123), null);
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertTrue(wrongType.json().get("errors").has("refresh"));
        assertEquals(400, api.raw("POST", Auth.REFRESH, "{\"refresh\": ", null).status());
    }
}
