package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Jwts;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Failed logins are counted per address; their limit has its own test.
@WithServer("ratelimit.enabled=false")
class ObtainTokenTest {
    private static final String OBTAIN = "/api/auth/obtain_token/";
    private static final String BAD_CREDENTIALS = "No active account found with the given credentials";

    static TestServer server;
    static Api api;

    @Test
    void theRightPasswordAnswers200WithTokens() {
        TestUser user = api.register(Api.uniqueName("Login"));

        Api.Res res = api.login(user.username(), TestUser.PASSWORD);

        assertEquals(200, res.status(), res.toString());
        assertEquals(Set.of("refresh", "access"), Auth.keys(res.json()));
        Api.Res me = api.get("/api/auth/user/current_user/", res.json().get("access").asText());
        assertEquals(202, me.status());
        assertEquals(user.userId(), me.json().get("user_id").asLong());
    }

    @Test
    void theAccessTokenIsAnHs256JwtWithTheContractsClaims() {
        TestUser user = api.register(Api.uniqueName("Claims"));
        String access = api.login(user.username(), TestUser.PASSWORD).json().get("access").asText();

        assertEquals("HS256", Jwts.header(access).get("alg"));
        Map<String, Object> claims = Jwts.claims(access);
        assertEquals("access", claims.get("token_type"));
        assertEquals(user.userId(), ((Number) claims.get("user_id")).longValue());
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertEquals(15 * 60, exp - iat, "the default access lifetime is 15 minutes");
        assertTrue(claims.get("jti") instanceof String jti && !jti.isEmpty());
    }

    @Test
    void usernamesAreMatchedIgnoringCase() {
        TestUser user = api.register(Api.uniqueName("CaseLogin"));
        assertEquals(200, api.login(user.username().toUpperCase(), TestUser.PASSWORD).status());
    }

    @Test
    void eachLoginStartsItsOwnSession() {
        TestUser user = api.register(Api.uniqueName("Twice"));
        JsonNode first = api.login(user.username(), TestUser.PASSWORD).json();
        JsonNode second = api.login(user.username(), TestUser.PASSWORD).json();
        assertNotEquals(first.get("refresh").asText(), second.get("refresh").asText());
        assertNotEquals(Jwts.claims(first.get("access").asText()).get("jti"),
                Jwts.claims(second.get("access").asText()).get("jti"));

        Api.Res logout = api.post("/api/auth/user/logout/",
                Map.of("refresh_token", first.get("refresh").asText()), first.get("access").asText());
        assertEquals(205, logout.status(), logout.toString());

        assertEquals(401, api.get("/api/auth/user/current_user/", first.get("access").asText()).status());
        assertEquals(202, api.get("/api/auth/user/current_user/", second.get("access").asText()).status());
    }

    @Test
    void aWrongPasswordIs401WithTheContractsMessage() {
        TestUser user = api.register(Api.uniqueName("Wrong"));

        Api.Res res = api.login(user.username(), "not-the-password");

        assertEquals(401, res.status(), res.toString());
        assertEquals(BAD_CREDENTIALS, res.json().get("message").asText());
        assertEquals("JWT realm=\"api\"", res.header("WWW-Authenticate"));
    }

    @Test
    void anUnknownUserGetsExactlyTheSameAnswerAsAWrongPassword() {
        TestUser user = api.register(Api.uniqueName("Known"));

        Api.Res wrongPassword = api.login(user.username(), "not-the-password");
        Api.Res unknownUser = api.login(Api.uniqueName("Nobody"), "not-the-password");

        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.status(), unknownUser.status());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertEquals(wrongPassword.header("WWW-Authenticate"), unknownUser.header("WWW-Authenticate"));
    }

    @Test
    void aPasswordThatDiffersOnlyInCaseIsWrong() {
        TestUser user = api.register(Api.uniqueName("CasePass"));
        assertEquals(401, api.login(user.username(), TestUser.PASSWORD.toUpperCase()).status());
    }

    @Test
    void aPasswordLongerThan72BytesIs401NotAnError() {
        TestUser user = api.register(Api.uniqueName("TooLong"));
        assertEquals(401, api.login(user.username(), TestUser.PASSWORD + "x".repeat(80)).status());
        assertEquals(401, api.login(Api.uniqueName("Ghost"), "é".repeat(80)).status());
    }

    @Test
    void anAbsurdlyLongUsernameIsJustAFailedLogin() {
        Api.Res res = api.login("u".repeat(60_000), "not-the-password");
        assertEquals(401, res.status(), res.toString());
        assertEquals(BAD_CREDENTIALS, res.json().get("message").asText());
    }

    @Test
    void missingFieldsAre400() {
        Api.Res res = api.post(OBTAIN, Map.of(), null);
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has("username"));
        assertTrue(res.json().get("errors").has("password"));

        Api.Res noPassword = api.post(OBTAIN, Map.of("username", "someone"), null);
        assertEquals(400, noPassword.status());
        assertTrue(noPassword.json().get("errors").has("password"));
    }

    @Test
    void wrongJsonTypesAre400() {
        Api.Res res = api.post(OBTAIN, Map.of("username", 42, "password", "whatever-it-is"), null);
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has("username"), res.toString());

        assertEquals(400, api.post(OBTAIN, Map.of("username", "a", "password", Map.of()), null).status());
        assertEquals(400, api.post(OBTAIN, Map.of("username", "a", "password", true), null).status());
    }

    @Test
    void malformedJsonIs400() {
        Api.Res res = api.raw("POST", OBTAIN, "{username: x}", null);
        assertEquals(400, res.status(), res.toString());
        assertEquals("malformed_json", res.json().get("code").asText());
    }
}
