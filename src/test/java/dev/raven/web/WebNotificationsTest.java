package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notifications page, the unread badge in the nav, the per-kind switches, links for
 * mentions and hashtags, the tag page, and the home page's "new posts" bar (filled live by
 * app.js; the page works without it).
 */
@WithServer(social = true)
class WebNotificationsTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    static String badge(String html) {
        int at = html.indexOf("id=\"unread-badge\"");
        assertTrue(at > 0, "the nav has the badge");
        return html.substring(html.lastIndexOf('<', at), html.indexOf("</a>", at));
    }

    @Test
    void theBadgeShowsTheUnreadCountAndThePageListsWhatHappened() {
        TestUser me = social.user("host");
        TestUser fan = social.user("guest");
        WebClient browser = WebClient.signedIn(server, me);
        assertTrue(badge(browser.get("/").body()).contains("hidden"), "no badge at 0");

        long tweet = social.tweet(me, "a <b>post</b>");
        social.like(fan, tweet);
        social.follow(fan, me);

        String home = browser.get("/").body();
        assertFalse(badge(home).contains(" hidden"), badge(home));
        assertTrue(badge(home).contains("<span data-count>2</span>"), badge(home));

        WebClient.Page page = browser.get("/notifications");
        assertEquals(200, page.status());
        String body = page.body();
        assertTrue(body.contains(fan.username() + "</a> followed you"), body);
        assertTrue(body.contains(" liked your tweet"), body);
        assertTrue(body.contains("href=\"/tweets/" + tweet + "\">a &lt;b&gt;post&lt;/b&gt;</a>"), body);
        assertTrue(body.contains("notification card unread"));
        assertTrue(body.contains("Mark all as read"));

        WebClient.Page read = browser.post("/notifications/read", Map.of());
        assertEquals(303, read.status());
        assertEquals("/notifications?saved=read", read.location());
        String after = browser.get("/notifications").body();
        assertFalse(after.contains("notification card unread"));
        assertTrue(badge(after).contains("hidden"));
        assertEquals(0, api.get("/api/notifications/unread_count/", me.access()).json().get("unread_count").asInt());
    }

    @Test
    void theSwitchesTurnKindsOff() {
        TestUser me = social.user("switcher");
        TestUser fan = social.user("fan");
        WebClient browser = WebClient.signedIn(server, me);
        Map<String, String> form = new HashMap<>(Map.of("retweets", "on", "replies", "on", "mentions", "on"));
        WebClient.Page saved = browser.post("/notifications/settings", form);
        assertEquals(303, saved.status());
        String page = browser.get("/notifications?saved=settings").body();
        assertTrue(page.contains("Notification settings saved."));
        assertTrue(page.contains("name=\"likes\">") && page.contains("name=\"replies\" checked>"), page);

        social.like(fan, social.tweet(me, "no likes please"));
        social.follow(fan, me);
        assertEquals(0, api.get("/api/notifications/", me.access()).json().size());
    }

    @Test
    void mentionsAndHashtagsAreLinksAndTheTagHasAPage() {
        TestUser author = social.user("linker");
        TestUser named = social.user("linked");
        WebClient browser = WebClient.signedIn(server, author);
        long tweet = social.tweet(author, "hi @" + named.username() + " and @ghost_" + named.userId() + " #Linked");
        String page = browser.get("/tweets/" + tweet).body();
        assertTrue(page.contains("<a class=\"mention\" href=\"/users/" + named.userId() + "\">@" + named.username() + "</a>"),
                page);
        assertFalse(page.contains("href=\"/users/@ghost"), "unknown names stay text");
        assertTrue(page.contains("<a class=\"hashtag\" href=\"/tags/linked\">#Linked</a>"), page);

        WebClient.Page tag = browser.get("/tags/linked");
        assertEquals(200, tag.status());
        assertTrue(tag.body().contains("<h1>#linked</h1>"));
        assertTrue(tag.body().contains("id=\"tweet-" + tweet + "\""));
        assertEquals(404, browser.get("/tags/not%20a%20tag").status());
    }

    @Test
    void homeCarriesTheNewestTweetForTheLiveNewPostsBar() {
        TestUser reader = social.user("reader");
        TestUser writer = social.user("writer");
        social.follow(reader, writer);
        social.tweet(writer, "older");
        long newest = social.tweet(writer, "newest");
        String home = WebClient.signedIn(server, reader).get("/").body();
        assertTrue(home.contains("id=\"new-posts\" class=\"card new-bar\" hidden data-since=\"" + newest + "\""), home);
        assertTrue(home.contains("data-stream=\"/api/stream/\""));
    }

    @Test
    void signedOutVisitorsAreSentToLogIn() {
        WebClient.Page page = WebClient.of(server).get("/notifications");
        assertEquals(303, page.status());
        assertTrue(page.location().startsWith("/login"), page.location());
    }
}
