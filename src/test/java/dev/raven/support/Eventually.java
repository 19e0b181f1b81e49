package dev.raven.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a request until its answer shows a state the server reaches by itself (free space
 * is re-read once a second, a closed database is reopened by the pool), then hands back that
 * answer for the test to assert on. The deadline is generous: it bounds a hang, it measures nothing.
 */
public final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The first answer that {@code done} accepts, or the last one when the deadline passed. */
    public static Api.Res answer(Supplier<Api.Res> request, Predicate<Api.Res> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Api.Res res = request.get();
            if (done.test(res) || System.nanoTime() > deadline) {
                return res;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return res;
            }
        }
    }
}
