package dev.raven.support;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.function.LongPredicate;
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

    /**
     * The first value of a {@code SELECT COUNT(*)} that {@code done} accepts, or the last one
     * when the deadline passed: for work the server does in the background (the fan-out queue).
     */
    public static long count(Jdbi jdbi, String countSql, LongPredicate done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            long n = Counters.count(jdbi, countSql);
            if (done.test(n) || System.nanoTime() > deadline) {
                return n;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return n;
            }
        }
    }

    /** Waits until the fan-out queue is empty; fails the test if it is not within the deadline. */
    public static void fanOutDrained(Jdbi jdbi) {
        long left = count(jdbi, "SELECT COUNT(*) FROM timeline_jobs", n -> n == 0);
        if (left != 0) {
            throw new AssertionError(left + " fan-out jobs still queued");
        }
    }
}
