package dev.raven.auth;

import dev.raven.http.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Access tokens remembered as verified: still refused once expired, and never on another's word. */
class AccessTokenMemoryTest {
    private static final String SECRET = "s".repeat(32);

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        // Issued by a clock 58 s behind with a minute to live: it expires 2 s from now.
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-58));
        AccessTokens tokens = new AccessTokens(SECRET, Duration.ofMinutes(1), behind);
        String token = tokens.issue(7, 11);
        Instant expires = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 2);

        assertEquals(new AccessTokens.AccessClaims(7, 11), tokens.verify(token));
        assertEquals(new AccessTokens.AccessClaims(7, 11), tokens.verify(token)); // remembered

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1_100);
        ApiException expired = assertThrows(ApiException.class, () -> tokens.verify(token));
        assertEquals(401, expired.status());
        assertEquals("Token is expired", expired.getMessage());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedWhateverWasVerifiedBefore() {
        AccessTokens ours = new AccessTokens(SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        AccessTokens theirs = new AccessTokens("t".repeat(32), Duration.ofMinutes(5), Clock.systemUTC());
        ours.verify(ours.issue(7, 11));
        String forged = theirs.issue(7, 11);

        assertEquals(401, assertThrows(ApiException.class, () -> ours.verify(forged)).status());
        assertEquals(401, assertThrows(ApiException.class, () -> ours.verify(forged)).status()); // not remembered
    }
}
