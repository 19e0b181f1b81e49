package dev.raven.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on its own, with a clock the test moves, so windows can pass without waiting. */
class RateLimiterTest {
    private static final LimitRule THREE_PER_MINUTE = new LimitRule("test", 3, Duration.ofMinutes(1));

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final RateLimiter limiter = new RateLimiter(clock, true);

    @Test
    void hitsAreAllowedUpToTheLimitAndThenRefused() {
        for (int i = 0; i < 3; i++) {
            Decision d = limiter.hit(THREE_PER_MINUTE, "alice");
            assertTrue(d.allowed(), "hit " + i);
            assertEquals(2 - i, d.remaining());
        }
        Decision refused = limiter.hit(THREE_PER_MINUTE, "alice");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(61, refused.resetSeconds());
        assertEquals("61", refused.tooManyRequests().headers().get("Retry-After"));
        assertEquals(429, refused.tooManyRequests().status());
    }

    @Test
    void subjectsAndRulesAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.hit(THREE_PER_MINUTE, "alice");
        }
        assertTrue(limiter.hit(THREE_PER_MINUTE, "bob").allowed());
        assertTrue(limiter.hit(new LimitRule("other", 3, Duration.ofMinutes(1)), "alice").allowed());
    }

    @Test
    void theLimitLiftsWhenTheWindowEnds() {
        for (int i = 0; i < 4; i++) {
            limiter.hit(THREE_PER_MINUTE, "alice");
        }
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.peek(THREE_PER_MINUTE, "alice").allowed());
        assertEquals(2, limiter.peek(THREE_PER_MINUTE, "alice").resetSeconds());

        clock.advance(Duration.ofSeconds(1));

        assertTrue(limiter.peek(THREE_PER_MINUTE, "alice").allowed());
        assertTrue(limiter.hit(THREE_PER_MINUTE, "alice").allowed());
    }

    @Test
    void peekingCountsNothing() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.peek(THREE_PER_MINUTE, "alice").allowed());
        }
        limiter.hit(THREE_PER_MINUTE, "alice");
        limiter.hit(THREE_PER_MINUTE, "alice");
        assertTrue(limiter.peek(THREE_PER_MINUTE, "alice").allowed());
        limiter.hit(THREE_PER_MINUTE, "alice");
        assertFalse(limiter.peek(THREE_PER_MINUTE, "alice").allowed());
    }

    @Test
    void peekingAtUnknownSubjectsStoresNothing() {
        // Failed logins peek at the username before anything else: made-up names must not pile up.
        for (int i = 0; i < 5000; i++) {
            limiter.peek(THREE_PER_MINUTE, "made-up-" + i);
        }
        assertEquals(0, limiter.trackedWindows());
    }

    @Test
    void windowsThatHaveEndedAreForgotten() {
        for (int i = 0; i < 100; i++) {
            limiter.hit(THREE_PER_MINUTE, "old-" + i);
        }
        assertEquals(100, limiter.trackedWindows());
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 2000; i++) {
            limiter.hit(THREE_PER_MINUTE, "recent");
        }

        assertEquals(1, limiter.trackedWindows());
    }

    @Test
    void aDisabledLimiterAllowsEverythingAndKeepsNothing() {
        RateLimiter off = new RateLimiter(clock, false);
        for (int i = 0; i < 10; i++) {
            assertTrue(off.hit(THREE_PER_MINUTE, "alice").allowed());
        }
        assertTrue(off.peek(THREE_PER_MINUTE, "alice").allowed());
        assertEquals(0, off.trackedWindows());
    }
}
