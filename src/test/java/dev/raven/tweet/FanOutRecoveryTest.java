package dev.raven.tweet;

import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Eventually;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fan-out runs after the answer, from a queue in the database: a server stopped with jobs
 * still queued loses none of them. The next start delivers them all.
 */
class FanOutRecoveryTest {
    private Path dataDir;

    @AfterEach
    void cleanUp() {
        TestServer.discard(dataDir);
    }

    @Test
    void aServerStoppedWithTheQueueNonEmptyDeliversEverythingAfterRestart() {
        dataDir = TestServer.newDataDir();
        Map<String, String> settings = Map.of("ratelimit.enabled", "false", "timeline.fanout", "true");
        TestUser author;
        List<TestUser> followers = new ArrayList<>();
        List<Long> tweets = new ArrayList<>();
        try (RavenApp first = RavenApp.start(TestServer.config(dataDir, settings))) {
            Social social = new Social(new Api("http://127.0.0.1:" + first.port()));
            author = social.user("author");
            TestUser retweeter = social.user("retweeter");
            for (int i = 0; i < 4; i++) {
                TestUser f = social.user("reader");
                social.follow(f, retweeter);
                followers.add(f);
            }
            first.fanOut().close(); // as if the process died before fanning anything out
            for (TestUser f : followers) {
                social.follow(f, author); // back-fill queued
            }
            for (int i = 0; i < 5; i++) {
                tweets.add(social.tweet(author, "queued " + i));
            }
            long old = social.tweet(social.user("stranger"), "retweeted while queued");
            Social.expect(social.retweet(retweeter, old), 202);
            tweets.add(old);

            assertTrue(Counters.count(first.database().jdbi(), "SELECT COUNT(*) FROM timeline_jobs") >= 10);
            assertEquals(0, Counters.count(first.database().jdbi(),
                    "SELECT COUNT(*) FROM home_timelines WHERE reader_id = ?", followers.get(0).userId()),
                    "nothing reached the followers yet");
        }

        try (RavenApp second = RavenApp.start(TestServer.config(dataDir, settings))) {
            Api api = new Api("http://127.0.0.1:" + second.port());
            Eventually.fanOutDrained(second.database().jdbi());
            for (TestUser f : followers) {
                Api.Res res = api.get("/api/tweets/tweets_list/", f.access());
                assertEquals(200, res.status());
                assertEquals(reversed(tweets), Social.tweetIds(res), "every queued item reached user " + f.userId());
                assertEquals(TimelineOracle.pullQuery(second.database().jdbi(), f.userId(), 3),
                        TimelineOracle.served(second.database().jdbi(), f.userId(), 3));
            }
            assertTrue(Counters.count(second.database().jdbi(), "SELECT COUNT(*) FROM home_timelines WHERE reader_id = ?",
                    followers.get(0).userId()) >= tweets.size(), "served from the fanned-out rows");
        }
    }


    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
