package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.support.WebClient;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Explore, people search and bookmarks in the browser. */
@WithServer(social = true)
class WebExploreTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    @Test
    void exploreShowsPublicTweetsButNotAStrangersFollowersOnlyOnes() {
        TestUser author = social.user("explored");
        social.tweet(author, "public for explore");
        social.privateTweet(author, "private from explore");
        WebClient browser = WebClient.signedIn(server, social.user("explorer"));
        for (String tab : new String[]{"top", "latest"}) {
            String page = browser.get("/explore?tab=" + tab).body();
            assertTrue(page.contains("public for explore"), tab + ": " + page);
            assertFalse(page.contains("private from explore"), tab);
            assertTrue(page.contains("href=\"/explore?tab=" + tab + "\" aria-current=\"page\""), "the tab is marked");
        }
    }

    @Test
    void latestPagesByCursorKeepingTheTab() {
        TestUser author = social.user("busy");
        for (int i = 1; i <= 21; i++) {
            social.tweet(author, "busy " + i);
        }
        WebClient browser = WebClient.signedIn(server, social.user("onlooker")); // explore leaves out one's own tweets
        String first = browser.get("/explore?tab=latest").body();
        Matcher more = Pattern.compile("href=\"(/explore\\?tab=latest&(?:amp;)?cursor=[A-Za-z0-9_-]+)\"").matcher(first);
        assertTrue(more.find(), first);
        WebClient.Page next = browser.get(more.group(1).replace("&amp;", "&"), Map.of("HX-Request", "true"));
        assertEquals(200, next.status());
        assertFalse(next.body().contains("<html"));
        assertFalse(next.body().contains("busy 21<"), "the second page continues after the first");
    }

    @Test
    void searchFindsPeopleAndSaysWhatIsWrongWithAnEmptySearch() {
        TestUser target = social.user("findable");
        WebClient browser = WebClient.signedIn(server, social.user("searcher"));

        String page = browser.get("/search?q=" + URLEncoder.encode("@" + target.username(), StandardCharsets.UTF_8)).body();
        assertTrue(page.contains("<a href=\"/users/" + target.userId() + "\">Alias of " + target.username() + "</a>"),
                page);
        assertTrue(page.contains("value=\"@" + target.username() + "\""), "the search is kept in the box");

        WebClient.Page empty = browser.get("/search?q=%40");
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("<p class=\"field-error\" id=\"q-error\">Enter a username after @.</p>"),
                empty.body());

        WebClient.Page none = browser.get("/search?q=nobody-has-this-name");
        assertTrue(none.body().contains("Nobody found"));
        assertEquals(200, browser.get("/search").status(), "the empty search page");
    }

    @Test
    void bookmarksListTheSavedTweetsOnly() {
        TestUser author = social.user("bookmarked");
        long saved = social.tweet(author, "keep this");
        social.tweet(author, "not this");
        TestUser reader = social.user("saver");
        WebClient browser = WebClient.signedIn(server, reader);
        assertTrue(browser.get("/bookmarks").body().contains("No saved tweets"));

        assertEquals(303, browser.post("/tweets/" + saved + "/save", Map.of("back", "/bookmarks")).status());
        String page = browser.get("/bookmarks").body();
        assertTrue(page.contains("keep this"));
        assertFalse(page.contains("not this"));
        assertTrue(page.contains("name=\"back\" value=\"/bookmarks\""), "buttons come back here without JS");
    }

    @Test
    void theNavigationLinksEveryPage() {
        String home = WebClient.signedIn(server, social.user("navigator")).get("/").body();
        for (String href : new String[]{"/", "/explore", "/search", "/bookmarks"}) {
            assertTrue(home.contains("<a href=\"" + href + "\">"), href);
        }
    }
}
