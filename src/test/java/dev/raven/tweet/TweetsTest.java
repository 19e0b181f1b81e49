package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posting, reading, editing and deleting single tweets. */
@WithServer(social = true)
class TweetsTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void postingATweetAnswers201WithExactlyTheContractsKeys() {
        TestUser author = social.user("poster");
        Instant before = Instant.now().minusSeconds(1);
        Api.Res res = api.post("/api/tweets/tweets_list/", Map.of("content", "hello world"), author.access());

        assertEquals(201, res.status(), res.body());
        JsonNode t = res.json();
        List<String> keys = new ArrayList<>();
        t.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tweet_id", "user_id", "username", "content", "alias", "media", "media_url", "public",
                "profile_image", "timestamp", "number_of_saves", "number_of_likes", "number_of_retweets",
                "number_of_replies", "liked", "retweeted", "saved", "mentions", "tags"), keys); // issue 14 added the last two
        assertTrue(t.get("tweet_id").asLong() > 0);
        assertEquals(author.userId(), t.get("user_id").asLong());
        assertEquals(author.username(), t.get("username").asText());
        assertEquals("hello world", t.get("content").asText());
        assertEquals("Alias of " + author.username(), t.get("alias").asText());
        assertFalse(t.get("media").asBoolean());
        assertTrue(t.get("media_url").isNull());
        assertTrue(t.get("public").asBoolean(), "public by default");
        assertTrue(t.get("profile_image").isNull());
        assertTrue(t.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        Instant at = Instant.parse(t.get("timestamp").asText());
        assertTrue(at.isAfter(before) && at.isBefore(Instant.now().plus(1, ChronoUnit.SECONDS)));
        for (String counter : List.of("number_of_saves", "number_of_likes", "number_of_retweets", "number_of_replies")) {
            assertEquals(0, t.get(counter).asLong(), counter);
        }
        assertFalse(t.get("liked").asBoolean());
        assertFalse(t.get("retweeted").asBoolean());
        assertFalse(t.get("saved").asBoolean());
    }

    /**
     * A plain post is answered from what was written, not read back: the answer must be the
     * tweet as its author reads it afterwards, whatever the post holds.
     */
    @Test
    void theAnswerToAPostIsTheTweetAsReadAfterwards() {
        TestUser author = social.user("answered");
        TestUser mentioned = social.user("mentioned");
        assertEquals(202, api.put("/api/profiles/edit/", Map.of("image_url", "https://img.example/me.png"),
                author.access()).status());
        List<Map<String, Object>> posts = List.of(
                Map.of("content", "plain words with a #Tag and ünïcödé 🐦"),
                Map.of("content", "for followers only", "public", false),
                Map.of("content", "hello @" + mentioned.username()),
                Social.body("with a picture", "https://img.example/cat.png", true));
        for (Map<String, Object> post : posts) {
            Api.Res answer = api.post("/api/tweets/tweets_list/", post, author.access());
            assertEquals(201, answer.status(), answer.body());
            Api.Res read = api.get("/api/tweets/get_tweet/" + answer.json().get("tweet_id").asLong() + "/",
                    author.access());
            assertEquals(200, read.status(), read.body());
            assertEquals(read.json(), answer.json(), "posted " + post);
        }
    }

    @Test
    void aTweetWithMediaKeepsItsUrlAndCountsAsMedia() {
        TestUser author = social.user("media");
        Api.Res res = api.post("/api/tweets/tweets_list/",
                Social.body("look", "https://img.example/cat.png", false), author.access());

        assertEquals(201, res.status(), res.body());
        assertTrue(res.json().get("media").asBoolean());
        assertEquals("https://img.example/cat.png", res.json().get("media_url").asText());
        assertFalse(res.json().get("public").asBoolean());
        JsonNode profile = social.profileAs(author, author);
        assertEquals(1, profile.get("number_of_tweets").asLong());
        assertEquals(1, profile.get("number_of_tweets_and_replies").asLong());
        assertEquals(1, profile.get("number_of_media").asLong());
    }

    @Test
    void mediaWithoutTextIsAValidTweet() {
        TestUser author = social.user("pic");
        Api.Res res = api.post("/api/tweets/tweets_list/",
                Map.of("media", true, "media_url", "http://img.example/a.jpg"), author.access());
        assertEquals(201, res.status(), res.body());
        assertEquals("", res.json().get("content").asText());
    }

    @Test
    void anEmptyTweetWithoutMediaIs400WithTheContractsMessage() {
        TestUser author = social.user("empty");
        for (Object body : List.of(Map.of("content", ""), Map.of("content", "   \n "), Map.of(), "")) {
            Api.Res res = api.post("/api/tweets/tweets_list/", body, author.access());
            assertEquals(400, res.status(), body + " -> " + res.body());
            assertEquals("You cant post an empty tweet !", res.json().get("message").asText());
            assertEquals("You cant post an empty tweet !", res.json().at("/errors/content/0").asText());
        }
        assertEquals(0, social.profileAs(author, author).get("number_of_tweets").asLong());
    }

    @Test
    void contentIsLimitedTo280CodePointsNotUtf16Units() {
        TestUser author = social.user("long");
        String emoji = "\uD83D\uDC26"; // a bird: one code point, two UTF-16 units
        Api.Res ok = api.post("/api/tweets/tweets_list/", Map.of("content", emoji.repeat(280)), author.access());
        assertEquals(201, ok.status(), ok.body());
        assertEquals(emoji.repeat(280), ok.json().get("content").asText());

        Api.Res tooLong = api.post("/api/tweets/tweets_list/", Map.of("content", "x".repeat(281)), author.access());
        assertEquals(400, tooLong.status());
        assertEquals("invalid", tooLong.json().get("code").asText());
        assertTrue(tooLong.json().at("/errors/content/0").asText().contains("280"));
    }

    @Test
    void mediaUrlMustBeHttpAndAgreeWithTheMediaFlag() {
        TestUser author = social.user("badmedia");
        for (String url : List.of("javascript:alert(1)", "ftp://x.example/a.png", "not a url", "/relative.png")) {
            Api.Res res = api.post("/api/tweets/tweets_list/", Map.of("content", "x", "media_url", url),
                    author.access());
            assertEquals(400, res.status(), url);
            assertTrue(res.json().at("/errors/media_url").isArray(), res.body());
        }
        Api.Res noUrl = api.post("/api/tweets/tweets_list/", Map.of("content", "x", "media", true), author.access());
        assertEquals(400, noUrl.status());
        assertTrue(noUrl.json().at("/errors/media_url").isArray());
        Api.Res contradiction = api.post("/api/tweets/tweets_list/",
                Map.of("content", "x", "media", false, "media_url", "https://img.example/a.png"), author.access());
        assertEquals(400, contradiction.status());
        assertTrue(contradiction.json().at("/errors/media").isArray());
    }

    @Test
    void wrongTypesAndMalformedJsonAre400() {
        TestUser author = social.user("types");
        assertEquals(400, api.post("/api/tweets/tweets_list/", Map.of("content", 12), author.access()).status());
        assertEquals(400, api.post("/api/tweets/tweets_list/", Map.of("content", "x", "public", "yes"),
                author.access()).status());
        Api.Res malformed = api.raw("POST", "/api/tweets/tweets_list/", "{\"content\": ", author.access());
        assertEquals(400, malformed.status());
        assertEquals("malformed_json", malformed.json().get("code").asText());
    }

    @Test
    void everyTweetRouteNeedsAToken() {
        List<Api.Res> answers = List.of(
                api.post("/api/tweets/tweets_list/", Map.of("content", "x"), null),
                api.get("/api/tweets/tweets_list/", null),
                api.get("/api/tweets/get_tweet/1/", null),
                api.get("/api/tweets/get_tweets/1/", null),
                api.put("/api/tweets/manage_tweet/1/", Map.of(), null),
                api.delete("/api/tweets/manage_tweet/1/", null, null),
                api.put("/api/tweets/saved_tweets_list/1/", null, null),
                api.get("/api/tweets/get_saved_tweets/", null),
                api.put("/api/tweets/liked_tweets_list/1/", null, null),
                api.get("/api/tweets/get_liked/1/", null),
                api.get("/api/tweets/get_tweet_like_list/1/", null),
                api.post("/api/tweets/retweet_list/1/", null, null),
                api.delete("/api/tweets/retweet_list/1/", null, null),
                api.get("/api/tweets/retweet_list/1/", null),
                api.get("/api/tweets/get_user_media/1/", null));
        for (Api.Res res : answers) {
            assertEquals(401, res.status(), res.body());
            assertEquals("JWT realm=\"api\"", res.header("WWW-Authenticate"));
        }
    }

    @Test
    void getTweetReturnsItWithOrWithoutTrailingSlashAndMissingIs404() {
        TestUser author = social.user("getter");
        TestUser reader = social.user("reader");
        long id = social.tweet(author, "read me");

        Api.Res res = api.get("/api/tweets/get_tweet/" + id, reader.access());
        assertEquals(200, res.status());
        assertEquals(id, res.json().get("tweet_id").asLong());
        assertEquals("read me", res.json().get("content").asText());

        for (String path : List.of("/api/tweets/get_tweet/999999999/", "/api/tweets/get_tweet/abc/",
                "/api/tweets/get_tweet/0/", "/api/tweets/get_tweet/-3/")) {
            Api.Res missing = api.get(path, reader.access());
            assertEquals(404, missing.status(), path);
            assertEquals("not_found", missing.json().get("code").asText());
        }
    }

    @Test
    void theAuthorEditsPartially() {
        TestUser author = social.user("editor");
        long id = social.mediaTweet(author, "first", "https://img.example/1.png", true);

        Api.Res res = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("content", "second"), author.access());
        assertEquals(202, res.status(), res.body());
        assertEquals("second", res.json().get("content").asText());
        assertEquals("https://img.example/1.png", res.json().get("media_url").asText(), "untouched");
        assertTrue(res.json().get("public").asBoolean(), "untouched");

        res = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("public", false), author.access());
        assertEquals(202, res.status());
        assertFalse(res.json().get("public").asBoolean());
        assertEquals("second", res.json().get("content").asText());

        res = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("media", false), author.access());
        assertEquals(202, res.status());
        assertFalse(res.json().get("media").asBoolean());
        assertTrue(res.json().get("media_url").isNull());
        assertEquals(0, social.profileAs(author, author).get("number_of_media").asLong());

        res = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("media_url", "https://img.example/2.png"),
                author.access());
        assertEquals(202, res.status());
        assertTrue(res.json().get("media").asBoolean());
        assertEquals(1, social.profileAs(author, author).get("number_of_media").asLong());
        assertEquals("second", social.tweetAs(author, id).get("content").asText());
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void editsFollowTheSameRulesAsPosts() {
        TestUser author = social.user("badedit");
        long id = social.tweet(author, "text");
        Api.Res empty = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("content", ""), author.access());
        assertEquals(400, empty.status());
        assertEquals("You cant post an empty tweet !", empty.json().get("message").asText());
        assertEquals(400, api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("content", "y".repeat(281)),
                author.access()).status());
        assertEquals(400, api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("media_url", "file:///etc/passwd"),
                author.access()).status());
        assertEquals(400, api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("public", 1),
                author.access()).status());
        assertEquals("text", social.tweetAs(author, id).get("content").asText());
    }

    @Test
    void onlyTheAuthorMayEditOrDelete() {
        TestUser author = social.user("owner");
        TestUser other = social.user("intruder");
        long id = social.tweet(author, "mine");

        Api.Res edit = api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("content", "yours"), other.access());
        assertEquals(403, edit.status());
        assertEquals("permission_denied", edit.json().get("code").asText());
        Api.Res delete = api.delete("/api/tweets/manage_tweet/" + id + "/", null, other.access());
        assertEquals(403, delete.status());
        assertEquals("mine", social.tweetAs(author, id).get("content").asText());

        assertEquals(404, api.put("/api/tweets/manage_tweet/999999999/", Map.of("content", "x"),
                author.access()).status());
        assertEquals(404, api.delete("/api/tweets/manage_tweet/999999999/", null, author.access()).status());
    }

    @Test
    void deletingATweetRemovesItsLikesSavesRetweetsAndFixesEveryCounter() {
        TestUser author = social.user("deleter");
        TestUser fan = social.user("fan");
        long id = social.mediaTweet(author, "going away", "https://img.example/x.png", true);
        long kept = social.tweet(author, "staying");
        social.like(fan, id);
        social.like(fan, kept);
        Social.expect(social.toggleSave(fan, id), 202);
        Social.expect(social.retweet(fan, id), 202);
        assertEquals(2, social.profileAs(fan, fan).get("number_of_likes").asLong());

        Api.Res res = api.delete("/api/tweets/manage_tweet/" + id + "/", null, author.access());
        assertEquals(202, res.status(), res.body());
        assertEquals("tweet with id " + id + " deleted", res.json().get("message").asText());

        assertEquals(404, api.get("/api/tweets/get_tweet/" + id + "/", author.access()).status());
        assertEquals(404, api.delete("/api/tweets/manage_tweet/" + id + "/", null, author.access()).status());
        JsonNode authorProfile = social.profileAs(author, author);
        assertEquals(1, authorProfile.get("number_of_tweets").asLong());
        assertEquals(1, authorProfile.get("number_of_tweets_and_replies").asLong());
        assertEquals(0, authorProfile.get("number_of_media").asLong());
        assertEquals(1, social.profileAs(fan, fan).get("number_of_likes").asLong());
        assertEquals(List.of(kept), Social.tweetIds(api.get("/api/tweets/get_liked/" + fan.userId() + "/",
                fan.access())));
        assertEquals(0, api.get("/api/tweets/get_saved_tweets/", fan.access()).json().size());
        var jdbi = server.app().database().jdbi();
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_likes WHERE tweet_id = ?", id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_saves WHERE tweet_id = ?", id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM retweets WHERE tweet_id = ?", id));
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void getTweetsListsOneUsersTweetsNewestFirst() {
        TestUser author = social.user("lister");
        TestUser reader = social.user("listreader");
        long a = social.tweet(author, "a");
        long b = social.tweet(author, "b");
        long c = social.tweet(author, "c");
        social.tweet(reader, "not the author's");

        Api.Res res = api.get("/api/tweets/get_tweets/" + author.userId() + "/", reader.access());
        assertEquals(200, res.status());
        assertEquals(List.of(c, b, a), Social.tweetIds(res));
        assertEquals(3, social.profileAs(reader, author).get("number_of_tweets").asLong());

        assertEquals(404, api.get("/api/tweets/get_tweets/999999999/", reader.access()).status());
        Api.Res none = api.get("/api/tweets/get_tweets/" + social.user("silent").userId() + "/", reader.access());
        assertEquals(200, none.status());
        assertEquals("[]", none.body());
    }

    @Test
    void getUserMediaListsOnlyTweetsWithMedia() {
        TestUser author = social.user("photog");
        long withMedia = social.mediaTweet(author, "pic", "https://img.example/p.png", true);
        social.tweet(author, "text only");
        long alsoMedia = social.mediaTweet(author, "", "https://img.example/q.png", true);

        Api.Res res = api.get("/api/tweets/get_user_media/" + author.userId() + "/", author.access());
        assertEquals(200, res.status());
        assertEquals(List.of(alsoMedia, withMedia), Social.tweetIds(res));
        assertEquals(404, api.get("/api/tweets/get_user_media/999999999/", author.access()).status());
    }
}
