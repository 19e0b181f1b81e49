package dev.raven.timeline;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes every reader's home timeline rows from the source tables (timelines rebuild,
 * and the end of seed); readers without a live session are put to sleep instead ({@link
 * DormantReaders}). One transaction per batch of readers, so a running server keeps serving;
 * its queued jobs are left to its worker. Each reader is one ORDER BY ... LIMIT insert: one
 * statement per batch ranking every reader's rows with ROW_NUMBER was tried and was several
 * times slower on H2 (its window functions sort the whole partition set).
 */
public final class TimelineRebuild {
    private static final int READERS_PER_TRANSACTION = 50;

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
            Transactions.useTransaction(jdbi, h -> {
                TimelineWriteDao dao = h.attach(TimelineWriteDao.class);
                Set<Long> live = new HashSet<>(dao.withLiveSession(readers, Instant.now()));
                Map<Boolean, List<Long>> awake = readers.stream().collect(Collectors.partitioningBy(live::contains));
                awake.get(true).forEach(reader -> writer.rebuild(dao, reader));
                DormantReaders.putToSleep(dao, awake.get(false));
            });
            done += readers.size();
            after = readers.get(readers.size() - 1);
            progress.done(done, Math.max(total, done));
        }
    }
}
