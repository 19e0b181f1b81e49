package dev.raven.http.server;

import org.slf4j.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One WARN line for a kind of event at most once per interval, counting the events in
 * between: under attack the log gets a line a minute, not a line per connection. The first
 * event after a quiet spell is logged at once; {@link ClientLimitLogs} flushes what is left.
 */
final class ThrottledLog {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicReference<String> latest = new AtomicReference<>("");
    private final AtomicLong nextLineAt = new AtomicLong(System.nanoTime());

    ThrottledLog(Logger log, String what, long intervalNanos) {
        this.log = log;
        this.what = what;
        this.intervalNanos = intervalNanos;
    }

    /** Counts one event; {@code client} names where it came from. */
    void record(String client) {
        latest.set(client);
        unreported.incrementAndGet();
        flushIfDue();
    }

    /** Logs the events counted since the last line, if there are any and the interval has passed. */
    void flushIfDue() {
        long now = System.nanoTime();
        long due = nextLineAt.get();
        if (unreported.get() > 0 && now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            long count = unreported.getAndSet(0);
            log.warn("Slow or greedy clients: {} {}, latest from {} (one such line per {} s at most)",
                    count, what, latest.get(), intervalNanos / 1_000_000_000L);
        }
    }
}
