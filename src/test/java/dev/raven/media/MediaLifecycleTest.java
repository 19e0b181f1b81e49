package dev.raven.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Pictures;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pictures in use: who may see them, what attaching checks, and what deleting removes. */
@WithServer(value = {"media.quota.bytes=60000"}, social = true)
class MediaLifecycleTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    private static JsonNode upload(TestUser u, byte[] picture) {
        Api.Res res = api.uploadPicture(picture, "p.jpg", "alt", u.access());
        assertEquals(201, res.status(), res.toString());
        return res.json();
    }

    private static int status(String url, String token) {
        return api.getBytes(url, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)).status();
    }

    @Test
    void followersOnlyMediaIsRefusedToStrangersAndServedPrivatelyToFollowers() {
        TestUser author = social.user("priv");
        TestUser follower = social.user("fan");
        TestUser stranger = social.user("stranger");
        social.follow(follower, author);
        JsonNode up = upload(author, Pictures.jpeg(900, 700));
        String url = up.get("url").asText();
        String preview = up.get("preview_url").asText();
        social.mediaTweet(author, "secret", url, false);

        assertEquals(404, status(url, null), "nobody signed in");
        assertEquals(404, status(url, stranger.access()));
        assertEquals(404, status(preview, stranger.access()), "the preview too");
        assertEquals(200, status(url, follower.access()));
        assertEquals(200, status(preview, follower.access()));
        Api.Bytes own = api.getBytes(url, Map.of("Authorization", "JWT " + author.access()));
        assertEquals(200, own.status());
        assertTrue(own.header("Cache-Control").startsWith("private"), own.header("Cache-Control"));
        assertEquals(401, status(url, "not-a-token"), "a bad token is refused, not ignored");
    }

    @Test
    void publicTweetMediaIsPublicAndImmutable() {
        TestUser author = social.user("pub");
        String url = upload(author, Pictures.jpeg(40, 40)).get("url").asText();
        social.mediaTweet(author, "look", url, true);
        Api.Bytes res = api.getBytes(url, Map.of());
        assertEquals(200, res.status());
        assertEquals("public, max-age=31536000, immutable", res.header("Cache-Control"));
    }

    @Test
    void replyMediaFollowsItsTweetsVisibility() {
        TestUser author = social.user("rauthor");
        TestUser follower = social.user("rfan");
        TestUser stranger = social.user("rstranger");
        social.follow(follower, author);
        long hidden = social.privateTweet(author, "followers only");
        String url = upload(follower, Pictures.jpeg(30, 30)).get("url").asText();
        social.mediaReply(follower, hidden, "reply with pic", url);
        assertEquals(404, status(url, stranger.access()));
        assertEquals(200, status(url, author.access()));
    }

    @Test
    void onlyYourOwnUnusedUploadCanBeAttached() {
        TestUser owner = social.user("own");
        TestUser thief = social.user("thief");
        String url = upload(owner, Pictures.jpeg(20, 20)).get("url").asText();
        Api.Res stolen = api.post("/api/tweets/tweets_list/", Social.body("mine now", url, true), thief.access());
        assertEquals(400, stolen.status());
        assertTrue(stolen.json().get("errors").has("media_url"));
        social.mediaTweet(owner, "first", url, true);
        Api.Res twice = api.post("/api/tweets/tweets_list/", Social.body("again", url, true), owner.access());
        assertEquals(400, twice.status());
        assertTrue(twice.json().get("errors").get("media_url").get(0).asText().contains("already used"));
    }

    @Test
    void deletingATweetRemovesItsMediaButKeepsAnotherUseOfTheSamePicture() {
        TestUser a = social.user("del");
        byte[] pic = Pictures.noisyJpeg(50, 50, 42);
        String first = upload(a, pic).get("url").asText();
        String second = upload(a, pic).get("url").asText();
        long t1 = social.mediaTweet(a, "one", first, true);
        social.mediaTweet(a, "two", second, true);
        String etag = api.getBytes(first, Map.of()).header("ETag");
        assertTrue(Files.exists(MediaFiles.file(server, etag)));

        assertEquals(202, api.delete("/api/tweets/manage_tweet/" + t1 + "/", null, a.access()).status());
        assertEquals(404, status(first, null), "the deleted tweet's picture is gone");
        assertEquals(200, status(second, null), "the other use of the same bytes stays");
        assertTrue(Files.exists(MediaFiles.file(server, etag)));
    }

    @Test
    void deletingTheLastUseRemovesTheFile() {
        TestUser a = social.user("last");
        String url = upload(a, Pictures.noisyJpeg(40, 40, 99)).get("url").asText();
        long t = social.mediaTweet(a, "solo", url, true);
        String etag = api.getBytes(url, Map.of()).header("ETag");
        api.delete("/api/tweets/manage_tweet/" + t + "/", null, a.access());
        assertFalse(Files.exists(MediaFiles.file(server, etag)));
    }

    @Test
    void aPictureUploadedAgainAfterItsLastUseWentIsStoredAgain() {
        TestUser a = social.user("again");
        byte[] pic = Pictures.noisyJpeg(45, 45, 7);
        String url = upload(a, pic).get("url").asText();
        long t = social.mediaTweet(a, "first time", url, true);
        String etag = api.getBytes(url, Map.of()).header("ETag");
        assertEquals(202, api.delete("/api/tweets/manage_tweet/" + t + "/", null, a.access()).status());
        assertFalse(Files.exists(MediaFiles.file(server, etag)));

        String again = upload(a, pic).get("url").asText();
        assertTrue(Files.exists(MediaFiles.file(server, etag)), "the bytes are written anew");
        Api.Bytes served = api.getBytes(again, Map.of());
        assertEquals(200, served.status());
        assertEquals(etag, served.header("ETag"));
    }

    @Test
    void editingATweetsPictureRemovesTheOldOne() {
        TestUser a = social.user("edit");
        String old = upload(a, Pictures.noisyJpeg(30, 30, 5)).get("url").asText();
        String fresh = upload(a, Pictures.noisyJpeg(30, 30, 6)).get("url").asText();
        long t = social.mediaTweet(a, "v1", old, true);
        Api.Res res = api.put("/api/tweets/manage_tweet/" + t + "/", Map.of("media_url", fresh), a.access());
        assertEquals(202, res.status(), res.toString());
        assertEquals(404, status(old, null));
        assertEquals(200, status(fresh, null));
    }

    @Test
    void deletingAReplyOrAnAccountRemovesTheirMedia() {
        TestUser a = social.user("acct");
        TestUser b = social.user("replier");
        long t = social.tweet(a, "hello");
        String replyPic = upload(b, Pictures.noisyJpeg(20, 20, 11)).get("url").asText();
        long r = social.mediaReply(b, t, "pic reply", replyPic);
        assertEquals(202, social.deleteReply(b, r).status());
        assertEquals(404, status(replyPic, null));

        String avatar = upload(a, Pictures.noisyJpeg(20, 20, 12)).get("url").asText();
        assertEquals(202, api.put("/api/profiles/edit/", Map.of("image_url", avatar), a.access()).status());
        String onTheirTweet = upload(b, Pictures.noisyJpeg(20, 20, 13)).get("url").asText();
        social.mediaReply(b, t, "another", onTheirTweet);
        assertEquals(200, status(avatar, null));
        Api.Res gone = api.delete("/api/auth/user/delete/", Map.of("refresh_token", a.refresh()), a.access());
        assertEquals(204, gone.status(), gone.toString());
        assertEquals(404, status(avatar, null), "the account's avatar");
        assertEquals(404, status(onTheirTweet, null), "a reply to the account's tweet went with the tweet");
    }

    @Test
    void theQuotaIsA413WithAClearMessage() {
        TestUser a = social.user("quota");
        upload(a, Pictures.noisyJpeg(90, 90, 1)); // ~ 20 KB each
        upload(a, Pictures.noisyJpeg(90, 90, 2));
        Api.Res res = null;
        for (int i = 3; i < 40; i++) {
            res = api.uploadPicture(Pictures.noisyJpeg(90, 90, i), "p.jpg", null, a.access());
            if (res.status() != 201) {
                break;
            }
        }
        assertEquals(413, res.status(), res.toString());
        assertEquals("quota_exceeded", res.json().get("code").asText());
        assertTrue(res.json().get("message").asText().contains("quota"));
        TestUser other = social.user("quota2");
        upload(other, Pictures.noisyJpeg(90, 90, 1)); // quotas are per person
    }

    @Test
    void housekeepingRemovesUploadsLeftUnattachedForADay() {
        TestUser a = social.user("stale");
        String stale = upload(a, Pictures.noisyJpeg(20, 20, 21)).get("url").asText();
        String used = upload(a, Pictures.noisyJpeg(20, 20, 22)).get("url").asText();
        String fresh = upload(a, Pictures.noisyJpeg(20, 20, 23)).get("url").asText();
        social.mediaTweet(a, "kept", used, true);
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        String etag = api.getBytes(stale, Map.of()).header("ETag");
        for (String url : new String[]{stale, used}) {
            String key = MediaUrls.keyOf(url).orElseThrow();
            jdbi.useHandle(h -> h.createUpdate("UPDATE media SET created_at = :at WHERE public_key = :key")
                    .bind("at", twoDaysAgo).bind("key", key).execute());
        }
        new MediaLibrary(jdbi, server.app().config(), java.time.Clock.systemUTC()).housekeep();
        assertEquals(404, status(stale, null));
        assertFalse(Files.exists(MediaFiles.file(server, etag)));
        assertEquals(200, status(used, null));
        assertEquals(200, status(fresh, null));
    }
}
