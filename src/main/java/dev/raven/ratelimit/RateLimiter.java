package dev.raven.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters kept in this instance's memory. Several instances behind one
 * proxy each keep their own counts (docs/DEPLOYMENT.md says how to size limits for that).
 */
public final class RateLimiter {
    private static final int PRUNE_EVERY = 1024;

    private final Clock clock;
    private final boolean enabled;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();

    public RateLimiter(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Counts one event against the limit, unless the limit is already reached. */
    public Decision hit(LimitRule rule, String subject) {
        if (!enabled) {
            return Decision.unlimited(rule.max());
        }
        pruneNowAndThen();
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        // compute() runs atomically per key: the check and the count are one step.
        windows.compute(key(rule, subject), (key, old) -> {
            Window current = old == null || !now.isBefore(old.resetsAt())
                    ? new Window(now.plus(rule.window()), 0) : old;
            int count = current.count() < rule.max() ? current.count() + 1 : current.count();
            decision[0] = decide(rule, current, count, now);
            return new Window(current.resetsAt(), count);
        });
        return decision[0];
    }

    /**
     * Says whether an event would be allowed now, without counting one. It stores nothing,
     * so peeking at endless made-up subjects (usernames) cannot fill this instance's memory.
     */
    public Decision peek(LimitRule rule, String subject) {
        if (!enabled) {
            return Decision.unlimited(rule.max());
        }
        Instant now = clock.instant();
        Window window = windows.get(key(rule, subject));
        if (window == null || !now.isBefore(window.resetsAt())) {
            window = new Window(now.plus(rule.window()), 0);
        }
        return decide(rule, window, window.count(), now);
    }

    private static Decision decide(LimitRule rule, Window window, int count, Instant now) {
        boolean allowed = window.count() < rule.max();
        long secondsLeft = Duration.between(now, window.resetsAt()).toSeconds() + 1;
        return new Decision(allowed, rule.max(), Math.max(0, rule.max() - count), secondsLeft);
    }

    private static String key(LimitRule rule, String subject) {
        return rule.name() + '\u0000' + subject;
    }

    /** How many (rule, subject) windows are held in memory now. */
    public int trackedWindows() {
        return windows.size();
    }

    private void pruneNowAndThen() {
        if (operations.incrementAndGet() % PRUNE_EVERY == 0) {
            Instant now = clock.instant();
            windows.values().removeIf(w -> !now.isBefore(w.resetsAt()));
        }
    }

    private record Window(Instant resetsAt, int count) {
    }
}
