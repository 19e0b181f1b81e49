package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Jwts;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Correctly signed access tokens whose claims have the wrong JSON type: a signature proves who
 * wrote the claims, not that they mean what the server would have meant. Each is a 401.
 */
@WithServer("jwt.secret=" + TokenClaimTypesTest.SECRET)
class TokenClaimTypesTest {
    static final String SECRET = "test-secret-for-claim-types-0123456789";

    static TestServer server;
    static Api api;
    static TestUser user;

    @BeforeAll
    static void start() {
        user = api.register(Api.uniqueName("Claims"));
    }

    static Map<String, Object> realClaims() {
        return new LinkedHashMap<>(Jwts.claims(user.access()));
    }

    static Api.Res callWith(String claim, Object value) {
        Map<String, Object> claims = realClaims();
        claims.put(claim, value);
        return Auth.currentUser(api, Jwts.sign("HS256", SECRET, claims));
    }

    static long sessionId() {
        return ((Number) realClaims().get(AccessTokens.SESSION_CLAIM)).longValue();
    }

    @Test
    void theUnchangedClaimsResignedAreAccepted() {
        // Proves the forging is faithful, so each 401 below is for the one claim it changes.
        assertEquals(202, Auth.currentUser(api, Jwts.sign("HS256", SECRET, realClaims())).status());
    }

    @Test
    void aFractionalUserIdIsNotRoundedToAUser() {
        Auth.assertTokenNotValid(callWith("user_id", user.userId() + 0.5));
    }

    @Test
    void aUserIdWrittenAsAFloatIsRefused() {
        Auth.assertTokenNotValid(callWith("user_id", (double) user.userId()));
    }

    @Test
    void userIdsOfOtherJsonTypesAreRefused() {
        for (Object value : List.of(true, List.of(user.userId()), Map.of("id", user.userId()), 0, -1)) {
            Auth.assertTokenNotValid(callWith("user_id", value));
        }
    }

    @Test
    void aSessionIdOfTheWrongTypeIsRefused() {
        for (Object value : List.of(sessionId() + 0.5, (double) sessionId(), String.valueOf(sessionId()), false,
                List.of(sessionId()))) {
            Auth.assertTokenNotValid(callWith(AccessTokens.SESSION_CLAIM, value));
        }
    }

    @Test
    void expAndIatMustBeNumbers() {
        long exp = ((Number) realClaims().get("exp")).longValue();
        long iat = ((Number) realClaims().get("iat")).longValue();
        for (Object value : List.of(String.valueOf(exp), "9999999999", true, List.of(exp), Map.of())) {
            Auth.assertTokenNotValid(callWith("exp", value));
        }
        for (Object value : List.of(String.valueOf(iat), true, List.of(iat))) {
            Auth.assertTokenNotValid(callWith("iat", value));
        }
    }

    @Test
    void aFractionalExpIsANumericDateAndIsAccepted() {
        // RFC 7519 allows non-integer NumericDates; only the JSON type matters.
        long exp = ((Number) realClaims().get("exp")).longValue();
        assertEquals(202, callWith("exp", exp + 0.5).status());
    }

    @Test
    void jtiAndTokenTypeMustBeStrings() {
        for (Object value : List.of(12345, true, List.of("x"), Map.of("a", "b"))) {
            Auth.assertTokenNotValid(callWith("jti", value));
        }
        for (Object value : List.of(List.of("access"), 1, true)) {
            Auth.assertTokenNotValid(callWith("token_type", value));
        }
    }
}
