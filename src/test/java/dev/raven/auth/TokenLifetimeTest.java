package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Jwts;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Real lifetimes, shortened to seconds by configuration: tokens the server itself issued run out. */
@WithServer({"jwt.access.ttl=1s", "jwt.refresh.ttl=3s"})
class TokenLifetimeTest {
    static TestServer server;
    static Api api;

    /** Waits until {@code epochSecond} has fully passed on this machine's clock. */
    static void waitUntilAfter(long epochSecond) throws InterruptedException {
        long wait = (epochSecond + 1) * 1000 - System.currentTimeMillis() + 100;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void theAccessLifetimeComesFromTheConfig() {
        TestUser user = api.register(Api.uniqueName("Short"));
        Map<String, Object> claims = Jwts.claims(user.access());
        assertEquals(1, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
    }

    @Test
    void anExpiredAccessTokenIs401AndARefreshGetsAWorkingOne() throws InterruptedException {
        TestUser user = api.register(Api.uniqueName("Expiring"));
        waitUntilAfter(((Number) Jwts.claims(user.access()).get("exp")).longValue());

        Api.Res expired = Auth.currentUser(api, user.access());
        Auth.assertTokenNotValid(expired);
        assertEquals("Token is expired", expired.json().get("message").asText());

        Api.Res refreshed = Auth.refresh(api, user.refresh());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals(202, Auth.currentUser(api, refreshed.json().get("access").asText()).status());
    }

    /** Verified tokens are remembered (one signature check per token), but never past their expiry. */
    @Test
    void aTokenThatWorkedIs401OnceItExpires() throws InterruptedException {
        TestUser user = api.register(Api.uniqueName("Remembered"));
        Api.Res fresh = Auth.currentUser(api, user.access());
        if (fresh.status() == 202) { // on a very slow machine the one-second token may be gone already
            waitUntilAfter(((Number) Jwts.claims(user.access()).get("exp")).longValue());
        }
        Api.Res expired = Auth.currentUser(api, user.access());
        Auth.assertTokenNotValid(expired);
        assertEquals("Token is expired", expired.json().get("message").asText());
    }

    @Test
    void anExpiredRefreshTokenIs401() throws InterruptedException {
        TestUser user = api.register(Api.uniqueName("Stale"));
        Thread.sleep(3_500);

        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }
}
