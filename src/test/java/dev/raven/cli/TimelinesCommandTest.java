package dev.raven.cli;

import dev.raven.app.RavenApp;
import dev.raven.support.CliRun;
import dev.raven.support.Counters;
import dev.raven.support.TestServer;
import dev.raven.tweet.TimelineOracle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * seed fills the home timelines, and timelines rebuild recomputes them from the source
 * tables: afterwards every reader's timeline, read as requests read it, equals the pull query's.
 */
class TimelinesCommandTest {
    static Path dataDir;
    static Map<String, String> env;

    @BeforeAll
    static void seed() {
        dataDir = TestServer.newDataDir();
        env = new HashMap<>();
        env.put("RAVEN_DATA_DIR", dataDir.toString());
        env.put("RAVEN_BCRYPT_COST", "4");
        // Short timelines and a low fan-out limit: the rebuild trims, and skips pulled accounts.
        env.put("RAVEN_TIMELINE_FANOUT", "true");
        env.put("RAVEN_TIMELINE_LENGTH", "40");
        env.put("RAVEN_TIMELINE_FANOUT_MAX_FOLLOWERS", "20");
        String dbUrl = TestServer.config(dataDir, Map.of()).dbUrl();
        if (!dbUrl.isEmpty()) {
            env.put("RAVEN_DB_URL", dbUrl);
        }
        // Fixtures give every seeded user a session: readers without one are not built (DormantReaders).
        CliRun run = CliRun.of(env, "seed", "--users", "60", "--tweets", "900", "--seed", "3",
                "--fixtures", dataDir.resolve("fixtures").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Rebuilding home timelines: 60 of 60 readers (100%)"), run.toString());
    }

    @AfterAll
    static void cleanUp() {
        TestServer.discard(dataDir);
    }

    @Test
    void rebuildRestoresTimelinesThatWereLostAndEveryPageEqualsThePullQuery() {
        withDatabase(jdbi -> {
            assertTrue(Counters.count(jdbi, "SELECT COUNT(*) FROM home_timelines") > 0, "seed filled them");
            jdbi.useHandle(h -> {
                h.execute("DELETE FROM home_timelines");
                // Pull one busy account, as a server would once it passed the fan-out limit.
                h.execute("INSERT INTO timeline_pulled_accounts (user_id) SELECT user_id FROM profiles "
                        + "ORDER BY followers_count DESC, user_id LIMIT 1");
            });
        });

        CliRun run = CliRun.of(env, "timelines", "rebuild");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Rebuilding home timelines: 60 of 60 readers (100%)"), run.toString());
        assertTrue(run.out().contains("Rebuilt the home timelines of 60 readers"), run.toString());

        withDatabase(jdbi -> {
            assertTrue(Counters.count(jdbi, "SELECT COUNT(*) FROM home_timelines") > 0);
            assertTrue(Counters.count(jdbi, "SELECT COUNT(*) FROM home_timeline_horizons") > 0,
                    "some reader has more than timeline.length rows: the deep pages use the pull query");
            assertTrue(Counters.count(jdbi, "SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM home_timelines "
                    + "GROUP BY reader_id) x") <= 40);
            List<Long> readers = jdbi.withHandle(h -> h.createQuery("SELECT id FROM users ORDER BY id")
                    .mapTo(Long.class).list());
            for (long reader : readers) {
                assertEquals(TimelineOracle.pullQuery(jdbi, reader, 7), TimelineOracle.served(jdbi, reader, 7),
                        "timeline of user " + reader);
            }
        });
    }

    @Test
    void anUnknownActionIsAUsageError() {
        CliRun run = CliRun.of(env, "timelines", "shuffle");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown action 'shuffle'"), run.toString());
    }

    private static void withDatabase(java.util.function.Consumer<Jdbi> body) {
        try (RavenApp app = RavenApp.start(TestServer.config(dataDir, Map.of("timeline.fanout", "true", "timeline.length", "40",
                "timeline.fanout.max.followers", "20")))) {
            body.accept(app.database().jdbi());
        }
    }
}
