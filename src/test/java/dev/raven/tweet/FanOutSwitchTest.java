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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * timeline.fanout: off, posting queues and writes nothing for timelines and pages come from
 * the pull query; turned on later, every reader's timeline is rebuilt and pages equal the
 * pull query again; off once more, the next time on rebuilds again (what was posted while
 * off is not in the tables).
 */
class FanOutSwitchTest {
    private Path dataDir;

    @AfterEach
    void cleanUp() {
        TestServer.discard(dataDir);
    }

    @Test
    void offWritesNothingForTimelinesAndTurningItOnRebuildsThem() {
        dataDir = TestServer.newDataDir();
        TestUser author;
        TestUser retweeter;
        TestUser reader;
        long first;
        long retweeted;
        try (RavenApp off = RavenApp.start(config("off"))) {
            assertNull(off.fanOut(), "no worker when off");
            Social social = new Social(new Api("http://127.0.0.1:" + off.port()));
            author = social.user("author");
            retweeter = social.user("retweeter");
            reader = social.user("reader");
            social.follow(reader, author);
            social.follow(reader, retweeter);
            first = social.tweet(author, "posted while off");
            retweeted = social.tweet(social.user("stranger"), "retweeted while off");
            Social.expect(social.retweet(retweeter, retweeted), 202);

            assertEquals(List.of(retweeted, first), timeline(off, reader));
            assertEquals(0, Counters.count(off.database().jdbi(), "SELECT COUNT(*) FROM timeline_jobs"));
            assertEquals(0, Counters.count(off.database().jdbi(), "SELECT COUNT(*) FROM home_timelines"));
            assertEquals(0, Counters.count(off.database().jdbi(), "SELECT COUNT(*) FROM timeline_fanout_on"));
        }

        long second;
        try (RavenApp on = RavenApp.start(config("on"))) {
            assertEquals(1, Counters.count(on.database().jdbi(), "SELECT COUNT(*) FROM timeline_fanout_on"));
            Eventually.fanOutDrained(on.database().jdbi());
            assertTrue(Counters.count(on.database().jdbi(), "SELECT COUNT(*) FROM home_timelines WHERE reader_id = ?",
                    reader.userId()) >= 2, "the reader's timeline was rebuilt");
            Social social = new Social(new Api("http://127.0.0.1:" + on.port()));
            second = social.tweet(author, "posted while on");
            assertEquals(List.of(second, retweeted, first), timeline(on, reader));
            assertEquals(TimelineOracle.pullQuery(on.database().jdbi(), reader.userId(), 2),
                    TimelineOracle.served(on.database().jdbi(), reader.userId(), 2));
        }

        long third;
        try (RavenApp off = RavenApp.start(config("off"))) {
            assertEquals(0, Counters.count(off.database().jdbi(), "SELECT COUNT(*) FROM timeline_fanout_on"));
            third = new Social(new Api("http://127.0.0.1:" + off.port())).tweet(author, "posted while off again");
            assertEquals(List.of(third, second, retweeted, first), timeline(off, reader));
        }

        try (RavenApp on = RavenApp.start(config("on"))) {
            Eventually.fanOutDrained(on.database().jdbi());
            assertEquals(List.of(third, second, retweeted, first), timeline(on, reader),
                    "the tweet posted while off is in the rebuilt timeline");
            assertEquals(TimelineOracle.pullQuery(on.database().jdbi(), reader.userId(), 2),
                    TimelineOracle.served(on.database().jdbi(), reader.userId(), 2));
        }
    }

    private Map<String, String> settingsFor(String fanOut) {
        return Map.of("ratelimit.enabled", "false", "timeline.fanout", fanOut.equals("on") ? "true" : "false");
    }

    private dev.raven.config.RavenConfig config(String fanOut) {
        return TestServer.config(dataDir, settingsFor(fanOut));
    }

    private static List<Long> timeline(RavenApp app, TestUser reader) {
        Api.Res res = new Api("http://127.0.0.1:" + app.port()).get("/api/tweets/tweets_list/", reader.access());
        assertEquals(200, res.status());
        return Social.tweetIds(res);
    }

}
