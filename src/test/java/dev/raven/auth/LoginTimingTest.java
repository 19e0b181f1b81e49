package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed login must take as long for an unknown username as for a known one, or the
 * timing tells an attacker which usernames exist. bcrypt is made slow enough here that a
 * skipped hash shows as a large gap; the bounds are wide so machine noise cannot trip them.
 */
@WithServer({"bcrypt.cost=10", "ratelimit.enabled=false"})
class LoginTimingTest {
    private static final int SAMPLES = 5;

    static TestServer server;
    static Api api;
    static TestUser user;

    @BeforeAll
    static void start() {
        user = api.register(Api.uniqueName("Timed"));
        api.login(user.username(), "warm-up-guess");
        api.login("nobody_at_all", "warm-up-guess");
    }

    /** The fastest of a few failed logins: the least disturbed by other work on the machine. */
    static long fastestFailedLoginNanos(String username, String password) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            Api.Res res = api.login(username, password);
            long took = System.nanoTime() - started;
            assertEquals(401, res.status(), res.toString());
            best = Math.min(best, took);
        }
        return best;
    }

    static void assertSimilar(String password) {
        long known = fastestFailedLoginNanos(user.username(), password);
        long unknown = fastestFailedLoginNanos(Api.uniqueName("Ghost"), password);
        double ratio = (double) known / unknown;
        assertTrue(ratio > 0.33 && ratio < 3.0, String.format(
                "known user %.1f ms, unknown user %.1f ms", known / 1e6, unknown / 1e6));
    }

    @Test
    void aWrongPasswordTakesAsLongForAnUnknownUserAsForAKnownOne() {
        assertSimilar("not-the-password");
    }

    @Test
    void aPasswordOver72BytesTakesAsLongForAKnownUserAsForAnUnknownOne() {
        assertSimilar("x".repeat(100));
        assertSimilar("é".repeat(80));
    }
}
