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
        return apply(rule, subject, 1);
    }

    /** Says whether an event would be allowed now, without counting one. */
    public Decision peek(LimitRule rule, String subject) {
        return apply(rule, subject, 0);
    }

    private Decision apply(LimitRule rule, String subject, int cost) {
        if (!enabled) {
            return Decision.unlimited(rule.max());
        }
        pruneNowAndThen();
        Instant now = clock.instant();
        Decision[] decision = new Decision[1];
        // compute() runs atomically per key: the check and the count are one step.
        windows.compute(rule.name() + '\u0000' + subject, (key, old) -> {
            Window current = old == null || !now.isBefore(old.resetsAt())
                    ? new Window(now.plus(rule.window()), 0) : old;
            boolean allowed = current.count() < rule.max();
            int count = allowed ? current.count() + cost : current.count();
            long secondsLeft = Duration.between(now, current.resetsAt()).toSeconds() + 1;
            decision[0] = new Decision(allowed, rule.max(), Math.max(0, rule.max() - count), secondsLeft);
            return new Window(current.resetsAt(), count);
        });
        return decision[0];
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
