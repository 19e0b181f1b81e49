package dev.raven.timeline;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's fan-out worker: one thread that claims queued jobs (FOR UPDATE SKIP
 * LOCKED, so instances sharing a PostgreSQL database never take the same job), runs them
 * and deletes them in one transaction. A crash rolls the transaction back and the jobs
 * stay queued; the worker looks for them at start and every second (other instances' jobs).
 */
public final class FanOutWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FanOutWorker.class);
    private static final int BATCH = 100;
    private static final long POLL_MILLIS = 1000;
    private static final long BACKOFF_MILLIS = 1000;
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final Jdbi jdbi;
    private final TimelineWriter writer;
    private final FanOutSignal.Progress progress;
    private final Thread thread;
    private final AtomicLong jobsRun = new AtomicLong();
    private volatile boolean running = true;
    private long lastWarning;
    private long failedSinceWarning;

    private FanOutWorker(Jdbi requests, Jdbi work, TimelineSettings settings) {
        this.jdbi = work;
        this.writer = new TimelineWriter(settings);
        this.progress = requests.getConfig(FanOutSignal.class).progress();
        this.thread = new Thread(this::loop, "raven-fan-out");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the worker: {@code requests} is the Jdbi whose transactions queue jobs (the
     * worker hears of them through its {@link FanOutSignal}), {@code work} the one it runs them on.
     */
    public static FanOutWorker start(Jdbi requests, Jdbi work, TimelineSettings settings) {
        FanOutWorker worker = new FanOutWorker(requests, work, settings);
        worker.progress.workerRunning(true);
        worker.thread.start();
        return worker;
    }

    private void loop() {
        int batch = BATCH;
        while (running) {
            long seen = progress.submittedSoFar();
            try {
                int done = drain(batch);
                batch = BATCH;
                if (done == BATCH) {
                    continue;
                }
                progress.delivered(seen);
                progress.awaitWork(seen, POLL_MILLIS);
            } catch (RuntimeException e) {
                // One job at a time until the failing one has gone through.
                warn(e);
                batch = 1;
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One WARN line a minute while batches fail (a database away fails one a second), with the count since the last. */
    private void warn(RuntimeException e) {
        long now = System.nanoTime();
        if (lastWarning != 0 && now - lastWarning < WARN_EVERY_NANOS) {
            failedSinceWarning++;
            return;
        }
        log.warn("Timeline fan-out failed, retrying every {} ms; the jobs stay queued ({} more failures since "
                + "the last such line): {}", BACKOFF_MILLIS, failedSinceWarning, e.getMessage());
        lastWarning = now;
        failedSinceWarning = 0;
    }

    /** Claims up to {@code limit} jobs, runs them and deletes them in one transaction. */
    int drain(int limit) {
        return Transactions.inTransaction(jdbi, h -> {
            TimelineWriteDao dao = h.attach(TimelineWriteDao.class);
            List<TimelineWriteDao.Job> jobs = dao.claim(limit);
            if (!jobs.isEmpty()) {
                writer.runAll(h, jobs);
            }
            if (!jobs.isEmpty()) {
                dao.done(jobs.stream().map(TimelineWriteDao.Job::id).toList());
                h.afterCommit(() -> jobsRun.addAndGet(jobs.size()));
            }
            return jobs.size();
        });
    }

    /** Jobs this worker has run and committed since it started. */
    public long jobsRun() {
        return jobsRun.get();
    }

    private void pause() {
        try {
            Thread.sleep(BACKOFF_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the current batch finish (or roll back with the database), then stops. */
    @Override
    public void close() {
        running = false;
        progress.workerRunning(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
