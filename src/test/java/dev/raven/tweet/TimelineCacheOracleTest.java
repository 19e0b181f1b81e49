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
 * Home timelines served from memory against the pull query ({@link TimelineScenario}), with
 * reads in between so that readers are held while everything happens. Only 12 items and 6
 * readers are held, so new tweets push items out, deep pages fall back to the query, and
 * readers are forgotten and loaded again. Always on the embedded database with fan-out off,
 * the only place the cache serves.
 */
@WithServer(value = {"db.url=", "timeline.fanout=false", "timeline.cache.items=12", "timeline.cache.readers=6"},
        social = true)
class TimelineCacheOracleTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void everyPageOfEveryReaderEqualsThePullQuery() {
        assertEquals(6, new TimelineScenario(api, social, jdbi, 20261130L).run(600, 100));
        assertTrue(server.app().timelines().pagesServed() >= 25,
                "pages came from memory: " + server.app().timelines().pagesServed());
    }
}
