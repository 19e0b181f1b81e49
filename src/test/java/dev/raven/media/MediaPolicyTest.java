package dev.raven.media;

import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.Pictures;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** media.allow.external.urls=false: only this instance's pictures; and uploads are writes (507 on a full disk). */
class MediaPolicyTest {
    static TestServer server;
    static Api api;
    static Social social;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("media.allow.external.urls", "false", "ratelimit.enabled", "false"));
        api = server.api();
        social = new Social(api);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertRefusedNaming(Api.Res res, String field) {
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().get("errors").has(field), res.toString());
    }

    @Test
    void externalUrlsAreRefusedNamingTheField() {
        TestUser u = social.user("strict");
        assertRefusedNaming(api.post("/api/tweets/tweets_list/",
                Social.body("elsewhere", "https://img.example/cat.png", true), u.access()), "media_url");
        long t = social.tweet(u, "text only is fine");
        assertRefusedNaming(api.put("/api/tweets/manage_tweet/" + t + "/",
                Map.of("media_url", "https://img.example/x.png"), u.access()), "media_url");
        assertRefusedNaming(social.postReply(u, t, Social.replyBody("r", "https://img.example/r.png")), "media_url");
        assertRefusedNaming(api.put("/api/profiles/edit/", Map.of("image_url", "https://img.example/a.png"),
                u.access()), "image_url");
        assertRefusedNaming(api.put("/api/profiles/edit/", Map.of("background_image_url", "https://img.example/b.png"),
                u.access()), "background_image_url");
        Map<String, Object> reg = Api.registration(Api.uniqueName("withpic"), TestUser.PASSWORD);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) reg.get("profile");
        profile.put("image_url", "https://img.example/me.png");
        assertRefusedNaming(api.post("/api/auth/user/register/", reg, null), "profile.image_url");
    }

    @Test
    void ownPicturesAreTakenEverywhere() {
        TestUser u = social.user("own");
        String tweetPic = api.uploadPicture(Pictures.jpeg(20, 20), "t.jpg", null, u.access()).json().get("url").asText();
        String avatar = api.uploadPicture(Pictures.png(20, 20), "a.png", null, u.access()).json().get("url").asText();
        social.mediaTweet(u, "mine", tweetPic, true);
        Api.Res edit = api.put("/api/profiles/edit/", Map.of("image_url", avatar), u.access());
        assertEquals(202, edit.status(), edit.toString());
        assertEquals(avatar, edit.json().get("image_url").asText());
        // A made-up key on this instance's path is no picture of it.
        assertRefusedNaming(api.post("/api/tweets/tweets_list/",
                Social.body("fake", "http://localhost/media/AAAAAAAAAAAAAAAAAAAAAA.jpg", true), u.access()), "media_url");
    }

    @Test
    void scriptAndDataUrlsAreNeverTaken() {
        TestUser u = social.user("js");
        for (String url : new String[]{"javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo="}) {
            assertRefusedNaming(api.post("/api/tweets/tweets_list/", Social.body("x", url, true), u.access()),
                    "media_url");
        }
    }

    @Test
    void aDiskBelowTheFloorRefusesUploadsWith507() {
        Path dataDir = TestServer.newDataDir();
        try {
            TestUser u;
            Map<String, String> settings = Map.of("db.url", "", "ratelimit.enabled", "false");
            try (RavenApp roomy = RavenApp.start(TestServer.config(dataDir, settings))) {
                u = new Api("http://127.0.0.1:" + roomy.port()).register(Api.uniqueName("full"));
            }
            Map<String, String> full = Map.of("db.url", "", "ratelimit.enabled", "false",
                    "storage.min.free.bytes", String.valueOf(Long.MAX_VALUE));
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, full))) {
                Api res = new Api("http://127.0.0.1:" + app.port());
                Api.Res refused = res.uploadPicture(Pictures.jpeg(10, 10), "x.jpg", null, u.access());
                assertEquals(507, refused.status(), refused.toString());
                assertTrue(!java.nio.file.Files.exists(dataDir.resolve("media")), "nothing was stored");
            }
        } finally {
            TestServer.deleteRecursively(dataDir);
        }
    }
}
