package dev.raven.http.server;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WARN line for a kind of event at most once per interval, counting the events in
 * between: under attack the log gets a line a minute, not a line per connection.
 */
final class ThrottledLog {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextLineAt = new AtomicLong(System.nanoTime());

    ThrottledLog(Logger log, String what, long interval, TimeUnit unit) {
        this.log = log;
        this.what = what;
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Counts one event; logs the count so far if the interval has passed. {@code latest} names this one. */
    void record(String latest) {
        unreported.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            long count = unreported.getAndSet(0);
            log.warn("Slow or greedy clients: {} {}, latest from {} (one such line per {} s at most)",
                    count, what, latest, TimeUnit.NANOSECONDS.toSeconds(intervalNanos));
        }
    }
}
