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
        Api.Res res = api.get("/api/tweets/get_trending_tags/?limit=2", a.access());
        Social.expect(res, 200);
        assertEquals(2, res.json().size());
        assertEquals(hot.toLowerCase(), res.json().get(0).get("tag").asText());
        assertEquals(30, res.json().get(0).get("uses").asLong());
        assertEquals(warm.toLowerCase(), res.json().get(1).get("tag").asText());
        List<String> all = new ArrayList<>();
        api.get("/api/tweets/get_trending_tags/?limit=100", a.access()).json().forEach(t -> all.add(t.get("tag").asText()));
        assertFalse(all.contains(secret.toLowerCase()), "followers-only tweets do not trend");
        assertTrue(all.size() <= 100);
        assertEquals(400, api.get("/api/tweets/get_trending_tags/?limit=0", a.access()).status());
    }
}
