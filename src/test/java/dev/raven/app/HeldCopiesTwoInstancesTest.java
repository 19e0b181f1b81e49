package dev.raven.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.db.WriteEpoch;
import dev.raven.support.Api;
import dev.raven.support.Eventually;
import dev.raven.support.Race;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.TwoInstances;
import dev.raven.tweet.TweetCards;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database each hold tweets and home timelines in memory: a
 * write answered by one shows in the other's very next read (dev.raven.db.WriteEpoch), with
 * no wait (a new post or retweet once fanned out, as without the copies), while an
 * instance's own writes leave its copies in place.
 */
@RequiresPostgres
class HeldCopiesTwoInstancesTest {
    static final String HOME = "/api/tweets/tweets_list/";

    static TwoInstances both;
    static Social viaA;
    static Social viaB;

    @BeforeAll
    static void start() {
        both = TwoInstances.start(Map.of("ratelimit.enabled", "false"));
        viaA = new Social(both.a().api());
        viaB = new Social(both.b().api());
    }

    @AfterAll
    static void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void aWriteAnsweredByOneInstanceShowsInTheOthersNextRead() {
        TestServer a = both.a();
        Follow held = readerHeldOnA("", "as first posted");
        TestUser reader = held.reader();
        TestUser author = held.author();
        long first = held.tweet();
        long servedBefore = a.app().timelines().pagesServed();
        assertEquals(List.of(first), tweetIds(homeOnA(reader)));
        assertTrue(a.app().timelines().pagesServed() > servedBefore, "A serves the page from memory");
        long dropsBefore = epoch(a).drops();

        assertEquals(202, both.b().api().put("/api/tweets/manage_tweet/" + first + "/",
                Map.of("content", "edited on B"), author.access()).status());
        assertEquals("edited on B", homeOnA(reader).get(0).get("content").asText());

        viaB.like(reader, first);
        JsonNode liked = homeOnA(reader).get(0);
        assertTrue(liked.get("liked").asBoolean(), "the like made on B shows on A");
        assertEquals(1, liked.get("number_of_likes").asInt());

        // A new post reaches timelines through B's fan-out worker, after the answer: a page read
        // before it ran must not be held without the post.
        long second = viaB.tweet(author, "posted on B");
        homeOnA(reader);
        Eventually.fanOutDrained(a.app().database().jdbi());
        assertEquals(List.of(second, first), tweetIds(homeOnA(reader)));

        assertEquals(202, both.b().api().put("/api/profiles/edit/", Map.of("alias", "Renamed on B"),
                author.access()).status());
        homeOnA(reader).forEach(item -> assertEquals("Renamed on B", item.get("alias").asText()));

        assertEquals(202, both.b().api().delete("/api/tweets/manage_tweet/" + second + "/", null,
                author.access()).status());
        assertEquals(List.of(first), tweetIds(homeOnA(reader)));

        TestUser retweeter = viaB.user("retweeter");
        viaB.follow(reader, retweeter);
        long third = viaB.tweet(viaB.user("stranger"), "retweeted on B");
        viaB.retweet(retweeter, third);
        homeOnA(reader);
        Eventually.fanOutDrained(a.app().database().jdbi());
        JsonNode retweeted = homeOnA(reader).get(0);
        assertEquals(third, retweeted.get("tweet_id").asLong());
        assertEquals(retweeter.userId(), retweeted.get("retweeted_by").get("user_id").asLong());

        assertEquals(202, viaB.toggleFollow(reader, author).status()); // unfollowed on B
        assertFalse(tweetIds(homeOnA(reader)).contains(first), "A no longer shows who the reader left on B");

        assertTrue(epoch(a).drops() > dropsBefore, "A dropped its copies for B's writes");
    }

    @Test
    void anInstancesOwnWritesLeaveItsCopiesInPlace() {
        TestServer a = both.a();
        Follow held = readerHeldOnA("own", "posted on A");
        TestUser reader = held.reader();
        TestUser author = held.author();
        long tweet = held.tweet();
        long drops = epoch(a).drops();
        long served = a.app().timelines().pagesServed();
        long[] cardStats = a.app().database().jdbi().getConfig(TweetCards.class).stats();

        viaA.like(reader, tweet);
        long newer = viaA.tweet(author, "posted on A again");
        JsonNode page = homeOnA(reader);

        assertEquals(List.of(newer, tweet), tweetIds(page));
        assertTrue(page.get(1).get("liked").asBoolean());
        assertEquals(drops, epoch(a).drops(), "A's own writes are applied to its copies, not dropped");
        assertEquals(served + 1, a.app().timelines().pagesServed(), "the timeline still held");
        assertTrue(a.app().database().jdbi().getConfig(TweetCards.class).stats()[1] > cardStats[1],
                "the tweet read from memory");
    }

    /**
     * Writes answered at the same time share one move of the counter; each must still have been
     * announced before its answer, so each writer's next read on A shows its own write.
     */
    @Test
    void writesAnsweredTogetherEachShowInTheOthersNextRead() {
        int writers = 8;
        List<Follow> held = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            held.add(readerHeldOnA("together" + i, "before the race"));
        }
        for (int round = 0; round < 3; round++) {
            String edit = "round " + round + " by ";
            List<Api.Res> reads = Race.atOnce(writers, i -> {
                Follow f = held.get(i);
                Api.Res edited = both.b().api().put("/api/tweets/manage_tweet/" + f.tweet() + "/",
                        Map.of("content", edit + i), f.author().access());
                return edited.status() == 202 ? both.a().api().get(HOME, f.reader().access()) : edited;
            });
            for (int i = 0; i < writers; i++) {
                assertEquals(200, reads.get(i).status(), reads.get(i).body());
                assertEquals(edit + i, reads.get(i).json().get(0).get("content").asText());
            }
        }
    }

    /** A reader following an author who posted {@code text}, the fan-out done, and the reader held on A. */
    private static Follow readerHeldOnA(String prefix, String text) {
        TestUser reader = viaA.user(prefix + "reader");
        TestUser author = viaA.user(prefix + "author");
        viaA.follow(reader, author);
        long tweet = viaA.tweet(author, text);
        Eventually.fanOutDrained(both.a().app().database().jdbi()); // else the timeline is read, not held
        homeOnA(reader); // reads the counter, and holds the reader
        return new Follow(reader, author, tweet);
    }

    private record Follow(TestUser reader, TestUser author, long tweet) {
    }

    private static JsonNode homeOnA(TestUser reader) {
        Api.Res res = both.a().api().get(HOME, reader.access());
        assertEquals(200, res.status(), res.body());
        return res.json();
    }

    private static WriteEpoch epoch(TestServer server) {
        return server.app().database().jdbi().getConfig(WriteEpoch.class);
    }

    private static List<Long> tweetIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.forEach(item -> ids.add(item.get("tweet_id").asLong()));
        return ids;
    }
}
