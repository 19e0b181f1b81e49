package dev.raven.timeline;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Readers nobody can read for are not fanned out to. An account without a session that
 * can still read (signed out everywhere, or away longer than a refresh token lives) is put
 * to sleep: its rows are deleted and its horizon set to "not built", so deliveries skip it
 * and its pages come from the pull query. When it reads again ({@link FanOut#readerReturned})
 * it wakes up and is rebuilt. Mastodon does the same for accounts idle two weeks: most of an
 * instance's accounts do not read on a given day, and each one followed made every post of
 * theirs cost one more row.
 */
public final class DormantReaders {
    private static final Logger log = LoggerFactory.getLogger(DormantReaders.class);
    private static final int READERS_PER_TRANSACTION = 100;

    private DormantReaders() {
    }

    /** Puts every reader without a live session to sleep, a batch per transaction; returns how many. */
    public static long sweep(Jdbi jdbi, Instant now) {
        long asleep = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> readers = jdbi.withExtension(TimelineWriteDao.class,
                    d -> d.dormantAfter(from, now, TimelineWriter.NOT_BUILT, READERS_PER_TRANSACTION));
            if (readers.isEmpty()) {
                break;
            }
            Transactions.useTransaction(jdbi, h -> putToSleep(h.attach(TimelineWriteDao.class), readers));
            asleep += readers.size();
            after = readers.get(readers.size() - 1);
        }
        if (asleep > 0) {
            log.info("Home timelines of {} accounts without a live session are no longer kept (read with the "
                    + "pull query; rebuilt when they read again)", asleep);
        }
        return asleep;
    }

    /** Deletes these readers' rows; their pages use the pull query until they read again. */
    static void putToSleep(TimelineWriteDao dao, List<Long> readers) {
        if (readers.isEmpty()) {
            return;
        }
        List<Instant> notBuilt = Collections.nCopies(readers.size(), TimelineWriter.NOT_BUILT);
        dao.insertHorizons(readers, notBuilt);
        dao.raiseHorizonRows(readers, notBuilt);
        dao.clearAll(readers);
    }
}
