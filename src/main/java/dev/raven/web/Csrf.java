package dev.raven.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * CSRF tokens: an HMAC of the login session's id under the server secret. Nothing to store,
 * the same on every instance sharing the secret, and useless once the session has ended.
 * Pages carry it as a hidden form field and, for htmx, as a header set on {@code <body>}.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    public Csrf(String serverSecret) {
        this.key = new SecretKeySpec(("csrf:" + serverSecret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(long sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal(("session:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JVM", e);
        }
    }

    /** Constant-time comparison with what the request presented. */
    public boolean matches(long sessionId, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token(sessionId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
