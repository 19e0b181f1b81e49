package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fanned-out home timelines against the pull query they replace ({@link TimelineScenario}):
 * random follow graphs and random sequences of posts, retweets, un-retweets, deletes,
 * follows, unfollows, mutes, blocks, visibility changes, suspensions and account deletions.
 * Timelines are kept short (12 rows) so trimming and the deep-page fall-back happen, and
 * accounts with more than 3 followers are merged at read time, so the hybrid is exercised too.
 */
@WithServer(value = {"timeline.fanout=true", "timeline.length=12", "timeline.fanout.max.followers=3"},
        social = true)
class TimelineOracleTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void everyPageOfEveryReaderEqualsThePullQuery() {
        assertEquals(6, new TimelineScenario(api, social, jdbi, 20261129L).run(600, 100));
        // The test meant something: rows were fanned out, trimmed, and some accounts were pulled.
        assertTrue(count("SELECT COUNT(*) FROM home_timelines") > 0);
        assertTrue(count("SELECT COUNT(*) FROM home_timeline_horizons") > 0, "some timeline was trimmed");
        assertTrue(count("SELECT COUNT(*) FROM timeline_pulled_accounts") > 0, "some account was pulled");
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
