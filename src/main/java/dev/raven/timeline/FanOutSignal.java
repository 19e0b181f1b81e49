package dev.raven.timeline;

import org.jdbi.v3.core.config.JdbiConfig;

import java.time.Duration;

/**
 * Links the transactions that queue fan-out jobs with this instance's worker, through the
 * Jdbi configuration (every handle of one Jdbi shares it): a commit that queued jobs wakes
 * the worker, and a timeline read waits until the worker has delivered what was queued
 * before it began. Without a running worker (command-line tools) both do nothing.
 */
public final class FanOutSignal implements JdbiConfig<FanOutSignal> {
    private final Progress progress;

    public FanOutSignal() {
        this(new Progress());
    }

    private FanOutSignal(Progress progress) {
        this.progress = progress;
    }

    @Override
    public FanOutSignal createCopy() {
        return new FanOutSignal(progress);
    }

    Progress progress() {
        return progress;
    }

    /** Fan-out is on for this Jdbi's requests (timeline.fanout; see {@link FanOutSwitch}). */
    public boolean enabled() {
        return progress.enabled;
    }

    void enable() {
        progress.enabled = true;
    }

    /** Called after a commit that queued jobs. */
    void queued() {
        progress.submitted();
    }

    /**
     * Read-your-writes within one instance: waits (at most {@code limit}) until the worker
     * has delivered every job this instance queued before now. Free when the queue is idle,
     * and skipped when the worker is far behind (a backlog of more than
     * {@value Progress#MAX_BACKLOG_TO_WAIT_FOR} jobs): then a read would only wait out the
     * limit, every time, and show the reader nothing newer for it.
     */
    public void awaitDelivered(Duration limit) {
        if (progress.enabled) { // off (the embedded database's default): no lock on every home page
            progress.awaitDone(limit);
        }
    }

    /** Counts of jobs queued and delivered by this instance, and the worker's wake-ups. */
    static final class Progress {
        static final int MAX_BACKLOG_TO_WAIT_FOR = 64;

        private volatile boolean enabled;
        private long submitted;
        private long delivered;
        private boolean workerRunning;

        synchronized void submitted() {
            submitted++;
            notifyAll();
        }

        synchronized long submittedSoFar() {
            return submitted;
        }

        synchronized void delivered(long upTo) {
            if (upTo > delivered) {
                delivered = upTo;
                notifyAll();
            }
        }

        synchronized void workerRunning(boolean running) {
            workerRunning = running;
            notifyAll();
        }

        /** The worker sleeps here until a job is queued or {@code millis} pass. */
        synchronized void awaitWork(long seen, long millis) throws InterruptedException {
            if (submitted == seen && workerRunning) {
                wait(millis);
            }
        }

        synchronized void awaitDone(Duration limit) {
            long target = submitted;
            if (target - delivered > MAX_BACKLOG_TO_WAIT_FOR) {
                return;
            }
            long deadline = System.nanoTime() + limit.toNanos();
            try {
                while (workerRunning && delivered < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
