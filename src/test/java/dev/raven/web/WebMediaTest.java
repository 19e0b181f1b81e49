package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Pictures;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pictures in the web app: attached with alt text when composing, shown with it; avatar and banner in settings. */
@WithServer(social = true)
class WebMediaTest {
    static TestServer server;
    static Api api;
    static Social social;

    private static String imgSrc(String html, String alt) {
        Matcher m = Pattern.compile("<img class=\"media\" src=\"([^\"]+)\" alt=\"" + Pattern.quote(alt) + "\"")
                .matcher(html);
        assertTrue(m.find(), "no picture with alt '" + alt + "' in the page");
        return m.group(1);
    }

    @Test
    void aTweetWithAPictureShowsItWithItsAltText() {
        TestUser u = social.user("webpic");
        WebClient browser = WebClient.signedIn(server, u);
        WebClient.Page posted = browser.postWithFile("/tweets", Map.of("content", "my cat",
                "picture_alt", "A blue square cat"), "picture", Pictures.jpegWithGpsExif(80, 60, 1), "cat.jpg");
        assertEquals(303, posted.status(), posted.toString());
        String home = browser.get("/").body();
        String src = imgSrc(home, "A blue square cat");
        Api.Bytes served = api.getBytes(src, Map.of());
        assertEquals(200, served.status());
        assertFalse(Pictures.contains(served.body(), "GPSPOSITION"));
        long tweetId = social.tweetIds(api.get("/api/tweets/get_tweets/" + u.userId() + "/", u.access())).get(0);
        assertEquals(src, social.tweetAs(u, tweetId).get("media_url").asText());
    }

    @Test
    void aReplyCanCarryAPicture() {
        TestUser author = social.user("webauthor");
        TestUser replier = social.user("webreplier");
        long tweet = social.tweet(author, "show me");
        WebClient browser = WebClient.signedIn(server, replier);
        browser.get("/tweets/" + tweet);
        WebClient.Page posted = browser.postWithFile("/tweets/" + tweet + "/replies", Map.of("content", "here",
                "picture_alt", "A green square"), "picture", Pictures.png(30, 30), "g.png");
        assertEquals(303, posted.status(), posted.toString());
        imgSrc(browser.get("/tweets/" + tweet).body(), "A green square");
    }

    @Test
    void aFileThatIsNoPictureIsShownAsAFieldError() {
        TestUser u = social.user("webbad");
        WebClient browser = WebClient.signedIn(server, u);
        WebClient.Page refused = browser.postWithFile("/tweets", Map.of("content", "not a picture"), "picture",
                "hello".getBytes(), "x.png");
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.body().contains("id=\"picture-error\""), refused.body());
        assertTrue(refused.body().contains("not a picture"), "the text is kept");
    }

    @Test
    void withoutTheCsrfTokenNothingIsStored() {
        TestUser u = social.user("webcsrf");
        WebClient browser = WebClient.signedIn(server, u);
        WebClient stranger = WebClient.of(server);
        stranger.setSession(browser.session());
        WebClient.Page refused = stranger.postWithFile("/tweets", Map.of("content", "forged"), "picture",
                Pictures.jpeg(10, 10), "f.jpg");
        assertEquals(403, refused.status());
        assertFalse(browser.get("/").body().contains("forged"));
    }

    @Test
    void avatarAndBannerAreSetInSettings() {
        TestUser u = social.user("webavatar");
        WebClient browser = WebClient.signedIn(server, u);
        browser.get("/settings");
        WebClient.Page saved = browser.postWithFile("/settings/pictures", Map.of(), "avatar", Pictures.png(64, 64),
                "me.png");
        assertEquals(303, saved.status(), saved.toString());
        String imageUrl = social.profileAs(u, u).get("image_url").asText();
        assertTrue(imageUrl.matches("http://[^/]+/media/[A-Za-z0-9_-]{22}\\.png"), imageUrl);
        assertEquals(200, api.getBytes(imageUrl, Map.of()).status());
        String page = browser.get("/settings").body();
        assertTrue(page.contains("src=\"" + imageUrl + "\""), "settings show the picture now");

        browser.postWithFile("/settings/pictures", Map.of(), "banner", Pictures.jpeg(600, 200), "b.jpg");
        assertTrue(social.profileAs(u, u).get("background_image_url").asText().endsWith(".jpg"));
        assertEquals(imageUrl, social.profileAs(u, u).get("image_url").asText(), "the avatar stays");

        browser.postWithFile("/settings/pictures", Map.of(), "avatar", Pictures.png(32, 32), "new.png");
        assertEquals(404, api.getBytes(imageUrl, Map.of()).status(), "the replaced avatar is removed");
        WebClient.Page none = browser.postWithFile("/settings/pictures", Map.of(), "avatar", new byte[0], "");
        assertEquals(422, none.status());
    }
}
