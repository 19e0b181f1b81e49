package dev.raven.timeline;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Recomputes every reader's home timeline rows from the source tables (timelines rebuild,
 * and the end of seed). One INSERT ... SELECT and one transaction per batch of readers (a
 * query per reader made seeding the benchmark dataset take 18 minutes), so a running
 * server keeps serving; its queued jobs are left to its worker.
 */
public final class TimelineRebuild {
    private static final int READERS_PER_TRANSACTION = 250;

    /** Told, after each batch, how many readers are done out of how many. */
    public interface Progress {
        void done(long readers, long total);
    }

    private final Jdbi jdbi;
    private final TimelineWriter writer;

    public TimelineRebuild(Jdbi jdbi, TimelineSettings settings) {
        this.jdbi = jdbi;
        this.writer = new TimelineWriter(settings);
    }

    /** Rebuilds every reader's rows; returns how many readers. */
    public long rebuildAll(Progress progress) {
        long total = jdbi.withExtension(TimelineWriteDao.class, TimelineWriteDao::userCount);
        long done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> readers = jdbi.withExtension(TimelineWriteDao.class,
                    d -> d.usersAfter(from, READERS_PER_TRANSACTION));
            if (readers.isEmpty()) {
                return done;
            }
            long first = readers.get(0);
            long last = readers.get(readers.size() - 1);
            Transactions.useTransaction(jdbi, h -> writer.rebuildRange(h.attach(TimelineWriteDao.class), first, last));
            done += readers.size();
            after = readers.get(readers.size() - 1);
            progress.done(done, Math.max(total, done));
        }
    }
}
