package dev.raven.tag;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/tags/:tag/ and GET /api/tweets/get_trending_tags/. */
@WithServer(social = true)
class TagsTest {
    static TestServer server;
    static Api api;
    static Social social;
    static org.jdbi.v3.core.Jdbi jdbi;

    static String tag(String prefix) {
        return prefix + Api.uniqueName("").replaceAll("[^A-Za-z0-9]", "");
    }

    static String path(String tag) {
        return "/api/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/";
    }

    @Test
    void aTagListsTheVisibleTweetsThatUseItNewestFirstIgnoringCase() {
        String tag = tag("Raven");
        TestUser author = social.user("tagger");
        TestUser follower = social.user("follower");
        TestUser stranger = social.user("stranger");
        social.follow(follower, author);
        long first = social.tweet(author, "#" + tag + " first");
        long hidden = social.tweet(author, Social.body("secret #" + tag.toUpperCase(), null, false));
        long third = social.tweet(stranger, "me too #" + tag.toLowerCase() + "!");
        social.tweet(author, "#" + tag + "s is another tag, and " + tag + " without # is none");
        social.reply(author, first, "replies are not listed #" + tag);

        Api.Res res = api.get(path(tag.toLowerCase()), follower.access());
        Social.expect(res, 200);
        assertEquals(List.of(third, hidden, first), Social.tweetIds(res));
        assertEquals(List.of(third, first), Social.tweetIds(api.get(path("#" + tag), stranger.access())));
        assertEquals(List.of(), Social.tweetIds(api.get(path("unused" + tag), stranger.access())));
    }

    @Test
    void unicodeTagsWork() {
        String tag = "café" + tag("x").toLowerCase();
        TestUser author = social.user("unicode");
        long tweet = social.tweet(author, "un #" + tag.toUpperCase() + " ☕");
        JsonNode t = social.tweetAs(author, tweet);
        assertEquals(tag, t.get("tags").get(0).asText());
        assertEquals(List.of(tweet), Social.tweetIds(api.get(path(tag), author.access())));
    }

    @Test
    void editsAndDeletesKeepTheTagListTrue() {
        String tag = tag("edit");
        TestUser author = social.user("editor");
        long tweet = social.tweet(author, "#" + tag);
        Social.expect(api.put("/api/tweets/manage_tweet/" + tweet + "/", Map.of("content", "no tag now"),
                author.access()), 202);
        assertEquals(List.of(), Social.tweetIds(api.get(path(tag), author.access())));
        long other = social.tweet(author, "#" + tag + " again");
        Social.expect(api.delete("/api/tweets/manage_tweet/" + other + "/", null, author.access()), 202);
        assertEquals(List.of(), Social.tweetIds(api.get(path(tag), author.access())));
    }

    @Test
    void theListIsPaged() {
        String tag = tag("paged");
        TestUser author = social.user("prolific");
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(0, social.tweet(author, "#" + tag + " " + i));
        }
        List<JsonNode> all = social.allPages(path(tag) + "?limit=3", author);
        assertEquals(posted, Social.tweetIds(all));
    }

    @Test
    void aPageCostsTheSameStatementsForAnySize() {
        String tag = tag("counted");
        TestUser author = social.user("counted");
        TestUser fan = social.user("fan");
        for (int i = 0; i < 55; i++) {
            long id = social.tweet(author, "#" + tag + " @" + fan.username() + " " + i);
            if (i % 5 == 0) {
                social.like(fan, id);
            }
        }
        java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.incrementAndGet();
            }
        });
        try {
            jdbi.getConfig(dev.raven.tweet.TweetCards.class).clear(); // both read whole tweets
            statements.set(0);
            Api.Res small = api.get(path(tag) + "?limit=5", fan.access());
            int forSmall = statements.getAndSet(0);
            jdbi.getConfig(dev.raven.tweet.TweetCards.class).clear();
            statements.set(0);
            Api.Res large = api.get(path(tag) + "?limit=50", fan.access());
            int forLarge = statements.getAndSet(0);
            assertEquals(5, small.json().size());
            assertEquals(50, large.json().size());
            assertEquals(fan.userId(), large.json().get(49).get("mentions").get(0).get("user_id").asLong());
            assertEquals(forSmall, forLarge);
            assertTrue(forLarge <= 4, "statements: " + forLarge);
        } finally {
            jdbi.setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
        }
    }

    @Test
    void notATagIsA404AndBadPagingA400() {
        TestUser user = social.user("typo");
        assertEquals(404, api.get(path("no spaces"), user.access()).status());
        assertEquals(404, api.get(path("a-b"), user.access()).status());
        assertEquals(404, api.get(path("x".repeat(101)), user.access()).status());
        assertEquals(400, api.get(path("fine") + "?limit=101", user.access()).status());
        assertEquals(401, api.get(path("fine"), null).status());
    }

    @Test
    void trendingTagsCountPublicTweetsOfTheWindow() {
        String hot = tag("hot");
        String warm = tag("warm");
        String secret = tag("secret");
        TestUser a = social.user("trender");
        for (int i = 0; i < 30; i++) {
            social.tweet(a, "#" + hot + " " + i);
        }
        for (int i = 0; i < 25; i++) {
            social.tweet(a, "#" + warm + " " + i);
        }
        for (int i = 0; i < 40; i++) {
            social.tweet(a, Social.body("#" + secret + " " + i, null, false));
        }
        Api.Res two = api.get("/api/tweets/get_trending_tags/?limit=2", a.access());
        Social.expect(two, 200);
        assertEquals(2, two.json().size());
        // Other tests of this class tag tweets too: look at the order and counts of this test's tags.
        List<String> all = new ArrayList<>();
        Map<String, Long> uses = new java.util.HashMap<>();
        api.get("/api/tweets/get_trending_tags/?limit=100", a.access()).json().forEach(t -> {
            all.add(t.get("tag").asText());
            uses.put(t.get("tag").asText(), t.get("uses").asLong());
        });
        assertTrue(all.indexOf(hot.toLowerCase()) >= 0 && all.indexOf(hot.toLowerCase()) < all.indexOf(warm.toLowerCase()),
                all.toString());
        assertEquals(30, uses.get(hot.toLowerCase()));
        assertEquals(25, uses.get(warm.toLowerCase()));
        assertFalse(all.contains(secret.toLowerCase()), "followers-only tweets do not trend");
        assertEquals(400, api.get("/api/tweets/get_trending_tags/?limit=0", a.access()).status());
    }
}
