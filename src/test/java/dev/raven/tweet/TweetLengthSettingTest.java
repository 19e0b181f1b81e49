package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** tweet.max.length sets the longest tweet and reply, for posts and edits alike. */
@WithServer("tweet.max.length=10")
class TweetLengthSettingTest {
    static TestServer server;
    static Api api;

    @Test
    void theConfiguredLengthIsTheLimit() {
        TestUser author = api.register(Api.uniqueName("short"));
        Api.Res ok = api.post("/api/tweets/tweets_list/", Map.of("content", "0123456789"), author.access());
        assertEquals(201, ok.status(), ok.body());
        Api.Res tooLong = api.post("/api/tweets/tweets_list/", Map.of("content", "0123456789a"), author.access());
        assertEquals(400, tooLong.status());
        assertEquals("Ensure this field has no more than 10 characters.",
                tooLong.json().at("/errors/content/0").asText());
        long id = ok.json().get("tweet_id").asLong();
        assertEquals(400, api.put("/api/tweets/manage_tweet/" + id + "/", Map.of("content", "x".repeat(11)),
                author.access()).status());
        String replies = "/api/tweets/replies/replies_list/" + id + "/";
        assertEquals(202, api.post(replies, Map.of("content", "0123456789"), author.access()).status());
        Api.Res longReply = api.post(replies, Map.of("content", "0123456789a"), author.access());
        assertEquals(400, longReply.status());
        assertEquals("Ensure this field has no more than 10 characters.",
                longReply.json().at("/errors/content/0").asText());
    }
}
