package dev.raven.timeline;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * timeline.fanout: whether home timelines are fanned out on write. Off, nothing is queued
 * or written for timelines and every page is read with the pull query (as before fan-out).
 * The database remembers whether the tables were kept ({@code timeline_fanout_on}), so
 * that turning fan-out on after a time off (or for the first time) rebuilds them: every
 * reader's horizon goes to the far future (their pages use the pull query) and the
 * worker rebuilds each reader. Instances sharing a database must agree on the setting.
 */
public final class FanOutSwitch {
    private FanOutSwitch() {
    }

    /** At start-up, before serving: fan-out on for this Jdbi's requests, tables rebuilt if they were not kept. */
    public static void turnOn(Jdbi jdbi) {
        Transactions.useTransaction(jdbi, h -> {
            if (isOn(h)) {
                return;
            }
            h.execute("DELETE FROM home_timeline_horizons");
            h.execute("INSERT INTO home_timeline_horizons (reader_id, complete_from) "
                    + "SELECT id, TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59+00' FROM users");
            h.execute("INSERT INTO timeline_jobs (kind, user_id, subject_id, created_at) "
                    + "SELECT 'rebuild', id, 0, CURRENT_TIMESTAMP FROM users");
            markOn(h);
        });
        jdbi.getConfig(FanOutSignal.class).enable();
    }

    /** At start-up with fan-out off: the tables stop being kept, so turning it on again rebuilds them. */
    public static void turnOff(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("DELETE FROM timeline_fanout_on"));
    }

    /** After every reader was rebuilt (timelines rebuild, seed): the tables are complete. */
    public static void rebuilt(Jdbi jdbi) {
        Transactions.useTransaction(jdbi, h -> {
            if (!isOn(h)) {
                markOn(h);
            }
        });
    }

    private static boolean isOn(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM timeline_fanout_on").mapTo(Long.class).one() > 0;
    }

    private static void markOn(Handle h) {
        h.execute("INSERT INTO timeline_fanout_on (since) VALUES (CURRENT_TIMESTAMP)");
    }
}
