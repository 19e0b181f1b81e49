package dev.raven.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds JWTs by hand, independently of the server's JWT library, so tests can forge
 * exactly the defects an attacker would try: no algorithm, a wrong key, changed claims.
 */
public final class Jwts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** The claims of a token, without checking anything. */
    public static Map<String, Object> claims(String token) {
        String[] parts = token.split("\\.");
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT: " + token, e);
        }
    }

    /** The header of a token, without checking anything. */
    public static Map<String, Object> header(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[0]);
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT: " + token, e);
        }
    }

    /** A token signed with HMAC-SHA256 ("HS256") or HMAC-SHA512 ("HS512") and the given secret. */
    public static String sign(String alg, String secret, Map<String, Object> claims) {
        String javaAlg = switch (alg) {
            case "HS256" -> "HmacSHA256";
            case "HS512" -> "HmacSHA512";
            default -> throw new IllegalArgumentException(alg);
        };
        String signingInput = part(Map.of("alg", alg, "typ", "JWT")) + "." + part(claims);
        return signingInput + "." + ENCODER.encodeToString(hmac(javaAlg, secret, signingInput));
    }

    private static byte[] hmac(String javaAlg, String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(javaAlg);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaAlg));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the token's HS256 signature was made with {@code secret}. */
    public static boolean hs256SignatureMatches(String token, String secret) {
        int lastDot = token.lastIndexOf('.');
        byte[] expected = hmac("HmacSHA256", secret, token.substring(0, lastDot));
        byte[] actual = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    /** An "alg: none" token: the claims with no signature at all. */
    public static String unsigned(Map<String, Object> claims) {
        return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".";
    }

    private static String part(Map<String, Object> json) {
        try {
            return ENCODER.encodeToString(MAPPER.writeValueAsBytes(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
