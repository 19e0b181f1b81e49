package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Jwts;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forged, tampered and expired access tokens, signed here with the server's own secret where it matters. */
@WithServer("jwt.secret=" + AccessTokenSecurityTest.SECRET)
class AccessTokenSecurityTest {
    static final String SECRET = "test-secret-for-forging-tokens-0123456789";

    static TestServer server;
    static Api api;
    static TestUser user;

    @BeforeAll
    static void start() {
        user = api.register(Api.uniqueName("Target"));
    }

    /** The claims of the user's real token, to be changed by each test. */
    static Map<String, Object> realClaims() {
        return new LinkedHashMap<>(Jwts.claims(user.access()));
    }

    static Api.Res call(String token) {
        return Auth.currentUser(api, token);
    }

    static Api.Res callWithHeader(String authorization) {
        return api.getWithAuthorization(Auth.CURRENT_USER, authorization);
    }

    @Test
    void aTokenReSignedWithTheServersSecretIsAccepted() {
        // Proves the forging below is faithful, so each rejection is for the one defect it adds.
        assertEquals(202, call(Jwts.sign("HS256", SECRET, realClaims())).status());
    }

    @Test
    void anAlgNoneTokenIs401() {
        Auth.assertTokenNotValid(call(Jwts.unsigned(realClaims())));
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET + "-but-not-quite", realClaims())));
    }

    @Test
    void aTokenWithATamperedPayloadIs401() {
        TestUser other = api.register(Api.uniqueName("Other"));
        String[] parts = user.access().split("\\.");
        String[] otherParts = other.access().split("\\.");
        Auth.assertTokenNotValid(call(parts[0] + "." + otherParts[1] + "." + parts[2]));
    }

    @Test
    void anotherHmacAlgorithmIs401EvenWithTheRightSecret() {
        Auth.assertTokenNotValid(call(Jwts.sign("HS512", SECRET, realClaims())));
    }

    @Test
    void aTokenOfTheWrongTypeIs401() {
        Map<String, Object> claims = realClaims();
        claims.put("token_type", "refresh");
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aTokenWithoutATypeIs401() {
        Map<String, Object> claims = realClaims();
        claims.remove("token_type");
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aTokenWithoutExpIs401() {
        Map<String, Object> claims = realClaims();
        claims.remove("exp");
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void anExpiredTokenIs401() {
        Map<String, Object> claims = realClaims();
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now - 3600);
        claims.put("exp", now - 60);
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aTokenFromAnInstanceWhoseClockRunsSecondsAheadIsAccepted() {
        // Several instances share one database; their clocks never agree to the second.
        Map<String, Object> claims = realClaims();
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now + 5);
        claims.put("exp", now + 5 + 15 * 60);
        assertEquals(202, call(Jwts.sign("HS256", SECRET, claims)).status());
    }

    @Test
    void aTokenIssuedFarInTheFutureIs401() {
        Map<String, Object> claims = realClaims();
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now + 3600);
        claims.put("exp", now + 3600 + 15 * 60);
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aTokenWithoutUserIdIs401() {
        Map<String, Object> claims = realClaims();
        claims.remove("user_id");
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aTokenWithATextUserIdIs401() {
        Map<String, Object> claims = realClaims();
        claims.put("user_id", String.valueOf(user.userId()));
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void aValidlySignedTokenForAnotherUsersSessionIs401() {
        // The signature is not enough: the token's session must belong to its user.
        TestUser other = api.register(Api.uniqueName("Victim"));
        Map<String, Object> claims = realClaims();
        claims.put("user_id", other.userId());
        Api.Res res = call(Jwts.sign("HS256", SECRET, claims));
        assertEquals(401, res.status(), res.toString());
        assertEquals(Auth.CHALLENGE, res.header("WWW-Authenticate"));
    }

    @Test
    void aValidlySignedTokenForAMissingUserIs401UserNotFound() {
        Map<String, Object> claims = realClaims();
        claims.put("user_id", 987_654_321L);
        Auth.assertUnauthorized(call(Jwts.sign("HS256", SECRET, claims)), "user_not_found");
    }

    @Test
    void aValidlySignedTokenForAnUnknownSessionIs401() {
        // The claims beyond the contract's five name the session; point them at one that does not exist.
        Set<String> contractClaims = Set.of("token_type", "user_id", "exp", "iat", "jti");
        Map<String, Object> claims = realClaims();
        claims.replaceAll((name, value) -> contractClaims.contains(name) ? value : 987_654_321L);
        Auth.assertTokenNotValid(call(Jwts.sign("HS256", SECRET, claims)));
    }

    @Test
    void garbageTokensAre401() {
        Auth.assertTokenNotValid(call("garbage"));
        Auth.assertTokenNotValid(call("a.b.c"));
        Auth.assertTokenNotValid(call(user.refresh()));
    }

    @Test
    void bothTheJwtAndTheBearerSchemesAreAccepted() {
        assertEquals(202, callWithHeader("JWT " + user.access()).status());
        assertEquals(202, callWithHeader("Bearer " + user.access()).status());
        assertEquals(202, callWithHeader("bearer " + user.access()).status());
    }

    @Test
    void otherSchemesAre401() {
        Api.Res basic = callWithHeader("Basic dXNlcjpwYXNz");
        assertEquals(401, basic.status());
        assertEquals(Auth.CHALLENGE, basic.header("WWW-Authenticate"));
        assertEquals(401, callWithHeader(user.access()).status(), "a bare token without a scheme");
        assertEquals(401, callWithHeader("JWT").status());
        assertEquals(401, callWithHeader("JWT " + user.access() + " extra").status());
    }

    @Test
    void aMissingAuthorizationHeaderIs401NotAuthenticated() {
        Auth.assertUnauthorized(callWithHeader(null), "not_authenticated");
        Auth.assertUnauthorized(callWithHeader(""), "not_authenticated");
    }

    @Test
    void everyProtectedAuthRouteRefusesAMissingToken() {
        Auth.assertUnauthorized(api.get(Auth.CURRENT_USER, null), "not_authenticated");
        Auth.assertUnauthorized(api.post(Auth.LOGOUT, Map.of("refresh_token", "x"), null), "not_authenticated");
        Auth.assertUnauthorized(api.post(Auth.LOGOUT_ALL, null, null), "not_authenticated");
        Auth.assertUnauthorized(api.put(Auth.EDIT, Map.of(), null), "not_authenticated");
        Auth.assertUnauthorized(api.delete(Auth.DELETE, Map.of("refresh_token", "x"), null), "not_authenticated");
    }

    @Test
    void theConfiguredSecretSignsTheTokens() {
        assertTrue(Jwts.hs256SignatureMatches(user.access(), SECRET));
        assertFalse(Jwts.hs256SignatureMatches(user.access(), SECRET + "x"));
    }
}
