package dev.raven.auth;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON type of each access-token claim, checked exactly. java-jwt converts what it can:
 * asLong() reads 1.5 as 1, and an exp written as a string is not checked at all. A signature
 * only proves who wrote the claims, so a claim of the wrong type makes the token invalid.
 */
final class ClaimTypes {
    private ClaimTypes() {
    }

    /** Whether every claim the server reads has the type the server writes. */
    static boolean wellTyped(DecodedJWT jwt) {
        return isId(jwt.getClaim("user_id")) && isId(jwt.getClaim(AccessTokens.SESSION_CLAIM))
                && isNumber(jwt.getClaim("exp")) && isNumber(jwt.getClaim("iat"))
                && isText(jwt.getClaim("jti")) && isText(jwt.getClaim("token_type"));
    }

    /** The value of an id claim that {@link #wellTyped} accepted. */
    static long id(Claim claim) {
        return node(claim).longValue();
    }

    /** A JSON integer (no fraction, no exponent) from 1 to Long.MAX_VALUE. */
    private static boolean isId(Claim claim) {
        JsonNode node = node(claim);
        return node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0;
    }

    private static boolean isNumber(Claim claim) {
        JsonNode node = node(claim);
        return node != null && node.isNumber();
    }

    private static boolean isText(Claim claim) {
        JsonNode node = node(claim);
        return node != null && node.isTextual();
    }

    /** The claim's JSON value as parsed (java-jwt parses with Jackson), or null when absent. */
    private static JsonNode node(Claim claim) {
        return claim.isMissing() || claim.isNull() ? null : claim.as(JsonNode.class);
    }
}
