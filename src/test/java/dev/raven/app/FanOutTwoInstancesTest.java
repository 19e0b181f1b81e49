package dev.raven.app;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Eventually;
import dev.raven.support.PostgresSchema;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.Social;
import dev.raven.support.TestDatabases;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.tweet.TimelineOracle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database drain one fan-out queue at the same time: each
 * job is run by exactly one of them (FOR UPDATE SKIP LOCKED), and every item reaches
 * every follower once.
 */
@RequiresPostgres
class FanOutTwoInstancesTest {
    static PostgresSchema schema;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        schema = PostgresSchema.create(TestDatabases.requirePostgres());
        Map<String, String> settings = Map.of("db.url", schema.url(), "db.pool.size", "5",
                "jwt.secret", "two-instances-share-one-jwt-secret-0123456789", "ratelimit.enabled", "false");
        a = TestServer.start(settings);
        b = TestServer.start(settings);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void bothInstancesFanOutAtOnceAndEveryJobRunsExactlyOnce() throws Exception {
        Social viaA = new Social(a.api());
        Social viaB = new Social(b.api());
        List<TestUser> authors = new ArrayList<>();
        List<TestUser> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            authors.add(viaA.user("author"));
        }
        for (int i = 0; i < 12; i++) {
            readers.add(viaB.user("reader"));
        }
        long before = a.app().fanOut().jobsRun() + b.app().fanOut().jobsRun();
        for (TestUser r : readers) {
            for (TestUser au : authors) {
                viaA.follow(r, au);
            }
        }
        int posts = 120;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> ids = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            int n = i;
            ids.add(pool.submit(() -> (n % 2 == 0 ? viaA : viaB).tweet(authors.get(n % authors.size()), "post " + n)));
        }
        for (Future<Long> id : ids) {
            id.get();
        }
        pool.shutdown();
        Eventually.fanOutDrained(a.app().database().jdbi());
        Thread.sleep(200); // the last batch's counter moves just after its commit

        long jobs = readers.size() * authors.size() + posts;
        long ranByA = a.app().fanOut().jobsRun();
        long ranByB = b.app().fanOut().jobsRun();
        assertEquals(jobs, ranByA + ranByB - before, "each job ran exactly once (A ran " + ranByA + ", B " + ranByB + ")");
        assertTrue(ranByA > 0 && ranByB > 0, "both instances fanned out: A " + ranByA + ", B " + ranByB);
        var jdbi = a.app().database().jdbi();
        assertEquals(readers.size() * (long) posts + posts,
                Counters.count(jdbi, "SELECT COUNT(*) FROM home_timelines"),
                "every post once in each follower's rows, and in its author's");
        for (TestUser r : readers) {
            List<String> served = TimelineOracle.served(jdbi, r.userId(), 50);
            assertEquals(posts, served.size());
            assertEquals(TimelineOracle.pullQuery(jdbi, r.userId(), 50), served);
        }
    }

}
