package dev.raven.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.raven.http.Unauthorized;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks access JWTs. The algorithm is pinned to HS256; exp, iat and jti are required. */
public final class AccessTokens {
    static final String TYPE = "access";
    static final String SESSION_CLAIM = "sid";
    static final long CLOCK_SKEW_SECONDS = 60;

    /** Tokens remembered as verified, at most (about 0.4 KB each). */
    static final int REMEMBERED = 10_000;

    private final Algorithm algorithm;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final JWTVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(String secret, Duration ttl, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.ttl = ttl;
        this.clock = clock;
        this.verifier = JWT.require(algorithm)
                .withClaim("token_type", TYPE)
                .withClaimPresence("user_id")
                .withClaimPresence(SESSION_CLAIM)
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .withClaimPresence("jti")
                // Instances sharing a database issue each other's tokens, and their clocks differ
                // by a few seconds: an iat slightly "in the future" is skew, not forgery.
                .acceptIssuedAt(CLOCK_SKEW_SECONDS)
                .build();
    }

    public String issue(long userId, long sessionId) {
        Instant now = clock.instant();
        return JWT.create()
                .withClaim("token_type", TYPE)
                .withClaim("user_id", userId)
                .withClaim(SESSION_CLAIM, sessionId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .withJWTId(UUID.randomUUID().toString().replace("-", ""))
                .sign(algorithm);
    }

    /**
     * The claims of a valid token; any defect is a 401 token_not_valid. A token verified once
     * is remembered until it expires: its signature and claims cannot change, and checking
     * them again (base64, JSON, HMAC) was most of an authenticated request's own CPU. Whether
     * its session is still live is checked per request all the same (Sessions).
     */
    public AccessClaims verify(String token) {
        Verified known = verified.get(token);
        if (known != null && Instant.now().isBefore(known.expiresAt())) { // the verifier's clock and rule
            return known.claims();
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (!ClaimTypes.wellTyped(jwt)) {
                throw Unauthorized.tokenNotValid("Given token not valid for any token type");
            }
            AccessClaims claims = new AccessClaims(ClaimTypes.id(jwt.getClaim("user_id")),
                    ClaimTypes.id(jwt.getClaim(SESSION_CLAIM)));
            remember(token, new Verified(claims, jwt.getExpiresAtAsInstant()));
            return claims;
        } catch (TokenExpiredException e) {
            throw Unauthorized.tokenNotValid("Token is expired");
        } catch (JWTVerificationException e) {
            throw Unauthorized.tokenNotValid("Given token not valid for any token type");
        }
    }

    private void remember(String token, Verified claims) {
        if (verified.size() >= REMEMBERED) {
            verified.clear(); // far more than a small instance's clients at once: start again
        }
        verified.put(token, claims);
    }

    public record AccessClaims(long userId, long sessionId) {
    }

    private record Verified(AccessClaims claims, Instant expiresAt) {
    }
}
