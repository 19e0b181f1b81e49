package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Requests;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each test starts its own server: the counters live in the server and every request comes from 127.0.0.1. */
class RateLimitTest {
    private TestServer server;
    private Api api;

    private Api start(Map<String, String> settings) {
        server = TestServer.start(settings);
        api = server.api();
        return api;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void assertLimited(Api.Res res, int limit, long windowSeconds) {
        assertEquals(429, res.status(), res.toString());
        assertEquals("rate_limited", res.json().get("code").asText());
        long retryAfter = Long.parseLong(res.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= windowSeconds + 1, "Retry-After " + retryAfter);
        assertEquals(String.valueOf(limit), res.header("X-RateLimit-Limit"));
        assertEquals("0", res.header("X-RateLimit-Remaining"));
        long reset = Long.parseLong(res.header("X-RateLimit-Reset"));
        assertTrue(reset > 0 && reset <= windowSeconds + 1, "X-RateLimit-Reset " + reset);
    }

    @Test
    void theFourthFailedLoginForAUsernameIs429WhenTheLimitIsThree() {
        start(Map.of("ratelimit.login.max", "3", "ratelimit.login.window", "15m"));
        TestUser user = api.register(Api.uniqueName("Guessed"));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.login(user.username(), "guess-" + i).status(), "guess " + i);
        }

        assertLimited(api.login(user.username(), "guess-3"), 3, 15 * 60);
    }

    @Test
    void whileLimitedEvenTheRightPasswordIsRefused() {
        start(Map.of("ratelimit.login.max", "3"));
        TestUser user = api.register(Api.uniqueName("Locked"));
        for (int i = 0; i < 3; i++) {
            api.login(user.username(), "guess-" + i);
        }

        assertLimited(api.login(user.username(), TestUser.PASSWORD), 3, 15 * 60);
        assertLimited(api.login(user.username().toUpperCase(), TestUser.PASSWORD), 3, 15 * 60);
    }

    @Test
    void theUsernameLimitDoesNotLockOutOtherUsernames() {
        start(Map.of("ratelimit.login.max", "3"));
        TestUser guessed = api.register(Api.uniqueName("Guessed"));
        TestUser bystander = api.register(Api.uniqueName("Bystander"));
        for (int i = 0; i < 4; i++) {
            api.login(guessed.username(), "guess-" + i);
        }

        assertEquals(200, api.login(bystander.username(), TestUser.PASSWORD).status());
    }

    @Test
    void successfulLoginsDoNotCountAgainstTheLimit() {
        start(Map.of("ratelimit.login.max", "3"));
        TestUser user = api.register(Api.uniqueName("Regular"));
        for (int i = 0; i < 6; i++) {
            assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status(), "login " + i);
        }
    }

    @Test
    void failedLoginsFromOneAddressAreLimitedAcrossUsernames() {
        start(Map.of("ratelimit.login.max", "100", "ratelimit.login.ip.max", "3"));
        TestUser user = api.register(Api.uniqueName("Sprayed"));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.login(Api.uniqueName("Sprayed"), "guess").status(), "guess " + i);
        }

        assertLimited(api.login(Api.uniqueName("Another"), "guess"), 3, 15 * 60);
        assertLimited(api.login(user.username(), TestUser.PASSWORD), 3, 15 * 60);
    }

    @Test
    void theLimitLiftsWhenRetryAfterHasPassed() throws InterruptedException {
        start(Map.of("ratelimit.login.max", "1", "ratelimit.login.window", "2s"));
        TestUser user = api.register(Api.uniqueName("Patient"));
        api.login(user.username(), "guess");
        Api.Res limited = api.login(user.username(), TestUser.PASSWORD);
        assertLimited(limited, 1, 2);

        Thread.sleep(Long.parseLong(limited.header("Retry-After")) * 1000 + 200);

        assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status());
    }

    @Test
    void xForwardedForIsIgnoredUnlessTheProxyIsTrusted() {
        // Otherwise a guesser could pick a fresh address for every attempt.
        start(Map.of("ratelimit.login.ip.max", "2"));
        for (int i = 0; i < 2; i++) {
            api.post(Auth.OBTAIN, Map.of("username", Api.uniqueName("Spoof"), "password", "guess"), null);
        }
        Requests requests = new Requests(server.baseUrl());

        Api.Res res = requests.send("POST", Auth.OBTAIN, "{\"username\": \"someone\", \"password\": \"guess\"}",
                Map.of("X-Forwarded-For", "203.0.113.9"));

        assertLimited(res, 2, 15 * 60);
    }

    @Test
    void behindATrustedProxyEachForwardedAddressHasItsOwnLimit() {
        start(Map.of("ratelimit.login.ip.max", "2", "http.trust.proxy", "true"));
        Requests requests = new Requests(server.baseUrl());
        String guess = "{\"username\": \"nobody_here\", \"password\": \"guess\"}";
        for (int i = 0; i < 2; i++) {
            requests.send("POST", Auth.OBTAIN, guess, Map.of("X-Forwarded-For", "203.0.113.1"));
        }
        assertLimited(requests.send("POST", Auth.OBTAIN, guess, Map.of("X-Forwarded-For", "203.0.113.1")),
                2, 15 * 60);

        // The proxy appends the address it saw: only the right-most entry is believed.
        assertEquals(401, requests.send("POST", Auth.OBTAIN, guess,
                Map.of("X-Forwarded-For", "203.0.113.1, 198.51.100.7")).status());
        assertLimited(requests.send("POST", Auth.OBTAIN, guess,
                Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.1")), 2, 15 * 60);
    }

    @Test
    void wrongCurrentPasswordsOnEditCountAsFailedLogins() {
        start(Map.of("ratelimit.login.max", "3"));
        TestUser user = api.register(Api.uniqueName("Editor"));
        Map<String, Object> guess = new HashMap<>();
        guess.put("update_password", true);
        guess.put("current_password", "wrong-guess");
        guess.put("new_password", "a-brand-new-secret");
        for (int i = 0; i < 3; i++) {
            assertEquals(403, api.put(Auth.EDIT, guess, user.access()).status(), "guess " + i);
        }

        assertLimited(api.put(Auth.EDIT, guess, user.access()), 3, 15 * 60);
        assertLimited(api.login(user.username(), TestUser.PASSWORD), 3, 15 * 60);
    }

    @Test
    void registrationsFromOneAddressAreLimited() {
        start(Map.of("ratelimit.register.max", "2", "ratelimit.register.window", "1h"));
        Api.Res first = api.post(Auth.REGISTER, Api.registration(Api.uniqueName("One"), TestUser.PASSWORD), null);
        assertEquals(201, first.status());
        assertEquals("2", first.header("X-RateLimit-Limit"));
        assertEquals("1", first.header("X-RateLimit-Remaining"));
        api.register(Api.uniqueName("Two"));

        assertLimited(api.post(Auth.REGISTER, Api.registration(Api.uniqueName("Three"), TestUser.PASSWORD), null),
                2, 3600);
    }

    @Test
    void refreshesFromOneAddressAreLimited() {
        start(Map.of("ratelimit.refresh.max", "2"));
        TestUser user = api.register(Api.uniqueName("Refresher"));
        String refresh = user.refresh();
        for (int i = 0; i < 2; i++) {
            Api.Res res = Auth.refresh(api, refresh);
            assertEquals(200, res.status(), res.toString());
            refresh = res.json().get("refresh").asText();
        }

        assertLimited(Auth.refresh(api, refresh), 2, 15 * 60);
    }

    @Test
    void ratelimitEnabledFalseTurnsEveryLimitOff() {
        start(Map.of("ratelimit.enabled", "false", "ratelimit.login.max", "1", "ratelimit.login.ip.max", "1",
                "ratelimit.register.max", "1", "ratelimit.refresh.max", "1"));
        TestUser user = api.register(Api.uniqueName("Free"));
        Api.Res second = api.post(Auth.REGISTER, Api.registration(Api.uniqueName("Free"), TestUser.PASSWORD), null);
        assertEquals(201, second.status());
        assertFalse(second.headers().containsKey("X-RateLimit-Limit"));

        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(user.username(), "guess-" + i).status());
        }
        assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status());
        String refresh = user.refresh();
        for (int i = 0; i < 3; i++) {
            Api.Res res = Auth.refresh(api, refresh);
            assertEquals(200, res.status());
            refresh = res.json().get("refresh").asText();
        }
    }
}
