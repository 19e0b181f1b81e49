package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page with JavaScript off (plain form posts) and with htmx (fragments). */
@WithServer(value = {"tweet.max.length=40"}, social = true)
class WebTimelineTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    @Test
    void postingThroughTheFormPutsTheTweetOnTheHomePageEscaped() {
        TestUser author = social.user("poster");
        WebClient browser = WebClient.signedIn(server, author);

        WebClient.Page posted = browser.post("/tweets", Map.of("content", "<b>bold</b> & plain"));
        assertEquals(303, posted.status());
        assertEquals("/", posted.location());

        String home = browser.get("/").body();
        assertTrue(home.contains("&lt;b&gt;bold&lt;/b&gt; &amp; plain"), "escaped: " + home);
        assertFalse(home.contains("<b>bold</b>"));
        assertEquals(1, api.get("/api/tweets/get_tweets/" + author.userId() + "/", author.access()).json().size());
    }

    @Test
    void aPictureUrlIsAttachedAndShownAndABadOneIsRefusedNextToItsField() {
        TestUser author = social.user("photographer");
        WebClient browser = WebClient.signedIn(server, author);
        assertEquals(303, browser.post("/tweets", Map.of("content", "look",
                "media_url", "https://example.org/cat.png")).status());
        String home = browser.get("/").body();
        assertTrue(home.contains("<img class=\"media\" src=\"https://example.org/cat.png\""), home);
        assertEquals(1, social.profileAs(author, author).get("number_of_media").asInt());

        WebClient.Page bad = browser.post("/tweets", Map.of("content", "kept words", "media_url", "not a url"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"media_url-error\""), bad.body());
        assertTrue(bad.body().contains("value=\"not a url\"") && bad.body().contains(">kept words</textarea>"));
    }

    @Test
    void aTooLongTweetIsRefusedWithTheTextKeptAndTheLimitShown() {
        TestUser author = social.user("wordy");
        WebClient browser = WebClient.signedIn(server, author);
        String text = "x".repeat(41);

        WebClient.Page page = browser.post("/tweets", Map.of("content", text));
        assertEquals(422, page.status());
        assertTrue(page.body().contains(">" + text + "</textarea>"), "the text is kept");
        assertTrue(page.body().contains("id=\"content-error\""), "the error is next to the box");
        assertTrue(page.body().contains("data-max-length=\"40\""), "the counter knows tweet.max.length");

        WebClient.Page htmx = browser.postExactly("/tweets", Map.of("content", text, "_csrf", browser.csrf()),
                Map.of("HX-Request", "true"));
        assertEquals(200, htmx.status(), "htmx swaps only 2xx answers");
        assertTrue(htmx.body().startsWith("<form id=\"compose\""), "just the compose box: " + htmx.body());
        assertTrue(htmx.body().contains(">" + text + "</textarea>"));
    }

    @Test
    void withHtmxPostingAnswersTheEmptyBoxAndTheNewTweetOutOfBand() {
        TestUser author = social.user("htmxer");
        WebClient browser = WebClient.signedIn(server, author);
        WebClient.Page page = browser.postExactly("/tweets", Map.of("content", "via htmx", "_csrf", browser.csrf()),
                Map.of("HX-Request", "true"));
        assertEquals(200, page.status());
        assertFalse(page.body().contains("<html"), "a fragment, not a page");
        assertTrue(page.body().contains("hx-swap-oob=\"afterbegin:#timeline\""));
        assertTrue(page.body().contains("via htmx"));
        assertTrue(page.body().contains("Your tweet was posted."), "announced in the live region");
    }

    @Test
    void followersOnlyTweetsShowToFollowersAndNotToStrangers() {
        TestUser author = social.user("private");
        TestUser follower = social.user("follower");
        TestUser stranger = social.user("stranger");
        social.follow(follower, author);
        social.follow(stranger, follower); // the stranger sees the follower's retweets, not the author's private tweets

        WebClient authorBrowser = WebClient.signedIn(server, author);
        assertEquals(303, authorBrowser.post("/tweets",
                Map.of("content", "for followers", "followers_only", "on")).status());

        assertTrue(authorBrowser.get("/").body().contains("Followers only"), "the author sees the badge");
        assertTrue(WebClient.signedIn(server, follower).get("/").body().contains("for followers"));
        assertFalse(WebClient.signedIn(server, stranger).get("/").body().contains("for followers"));
    }

    @Test
    void likeRetweetAndSaveWorkAsPlainFormPostsAndGoBack() {
        TestUser author = social.user("liked");
        TestUser reader = social.user("reader");
        social.follow(reader, author);
        long tweet = social.tweet(author, "like me");
        WebClient browser = WebClient.signedIn(server, reader);

        for (String verb : new String[]{"like", "retweet", "save"}) {
            WebClient.Page page = browser.post("/tweets/" + tweet + "/" + verb, Map.of("back", "/"));
            assertEquals(303, page.status(), verb);
            assertEquals("/", page.location());
        }
        var json = api.get("/api/tweets/get_tweet/" + tweet + "/", reader.access()).json();
        assertEquals(1, json.get("number_of_likes").asInt());
        assertEquals(1, json.get("number_of_retweets").asInt());
        assertEquals(1, json.get("number_of_saves").asInt());
        assertTrue(json.get("liked").asBoolean() && json.get("retweeted").asBoolean() && json.get("saved").asBoolean());

        String home = browser.get("/").body();
        assertTrue(home.contains("aria-pressed=\"true\">Unlike <span class=\"count\">1</span>"), home);
        assertTrue(home.contains("Undo retweet <span class=\"count\">1</span>"));

        // Pressing again undoes each.
        for (String verb : new String[]{"like", "retweet", "save"}) {
            assertEquals(303, browser.post("/tweets/" + tweet + "/" + verb, Map.of()).status());
        }
        json = api.get("/api/tweets/get_tweet/" + tweet + "/", reader.access()).json();
        assertEquals(0, json.get("number_of_likes").asInt() + json.get("number_of_retweets").asInt()
                + json.get("number_of_saves").asInt());
    }

    @Test
    void withHtmxALikeAnswersTheActionBarWithTheNewCount() {
        TestUser author = social.user("counted");
        long tweet = social.tweet(author, "count me");
        WebClient browser = WebClient.signedIn(server, author);

        WebClient.Page page = browser.postExactly("/tweets/" + tweet + "/like", Map.of(),
                Map.of("HX-Request", "true", "X-CSRF-Token", browser.csrf()));
        assertEquals(200, page.status());
        assertTrue(page.body().startsWith("<div class=\"actions\" id=\"actions-" + tweet + "\">"), page.body());
        assertTrue(page.body().contains("aria-pressed=\"true\">Unlike <span class=\"count\">1</span>"));
        assertTrue(page.body().contains("hx-swap-oob=\"innerHTML:#live\""), "announced for screen readers");
    }

    @Test
    void theAuthorEditsATweetAndAFailedEditKeepsTheText() {
        TestUser author = social.user("reviser");
        long tweet = social.tweet(author, "first draft");
        WebClient browser = WebClient.signedIn(server, author);
        assertTrue(browser.get("/").body().contains("href=\"/tweets/" + tweet + "/edit\""), "an edit link");
        assertTrue(browser.get("/tweets/" + tweet + "/edit").body().contains(">first draft</textarea>"));

        WebClient.Page tooLong = browser.post("/tweets/" + tweet + "/edit", Map.of("content", "z".repeat(41)));
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains(">" + "z".repeat(41) + "</textarea>"));

        WebClient.Page saved = browser.post("/tweets/" + tweet + "/edit",
                Map.of("content", "second draft", "followers_only", "on"));
        assertEquals(303, saved.status());
        var json = social.tweetAs(author, tweet);
        assertEquals("second draft", json.get("content").asText());
        assertFalse(json.get("public").asBoolean());
    }

    @Test
    void onlyTheAuthorMayEditOrDeleteAndSeesTheButtons() {
        TestUser author = social.user("owner");
        long tweet = social.tweet(author, "mine alone");
        WebClient other = WebClient.signedIn(server, social.user("notowner"));
        other.post("/users/" + author.userId() + "/follow", Map.of());
        assertFalse(other.get("/").body().contains("/tweets/" + tweet + "/delete"), "no delete button for others");
        assertEquals(403, other.get("/tweets/" + tweet + "/edit").status());
        assertEquals(403, other.get("/tweets/" + tweet + "/delete").status());
        assertEquals(403, other.post("/tweets/" + tweet + "/delete", Map.of()).status());
        assertEquals(200, api.get("/api/tweets/get_tweet/" + tweet + "/", author.access()).status());
    }

    @Test
    void theAuthorDeletesATweetAfterAConfirmationPageOrInPlaceWithHtmx() {
        TestUser author = social.user("deleter");
        long plain = social.tweet(author, "delete me plainly");
        long swapped = social.tweet(author, "delete me in place");
        WebClient browser = WebClient.signedIn(server, author);
        String home = browser.get("/").body();
        assertTrue(home.contains("href=\"/tweets/" + plain + "/delete\""), "without JS: a link to a confirmation");
        assertTrue(home.contains("hx-confirm=\"Delete this tweet?\""), "with JS: a dialog");

        WebClient.Page confirm = browser.get("/tweets/" + plain + "/delete");
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("<h1>Delete tweet</h1>") && confirm.body().contains("delete me plainly"));
        assertEquals(200, api.get("/api/tweets/get_tweet/" + plain + "/", author.access()).status(), "asking deletes nothing");

        WebClient.Page page = browser.post("/tweets/" + plain + "/delete", Map.of());
        assertEquals(303, page.status());
        assertEquals("/users/" + author.userId(), page.location());
        assertEquals(404, api.get("/api/tweets/get_tweet/" + plain + "/", author.access()).status());

        WebClient.Page htmx = browser.postExactly("/tweets/" + swapped + "/delete", Map.of(),
                Map.of("HX-Request", "true", "X-CSRF-Token", browser.csrf()));
        assertEquals(200, htmx.status());
        assertTrue(htmx.body().contains("Your tweet was deleted."));
        assertEquals(404, api.get("/api/tweets/get_tweet/" + swapped + "/", author.access()).status());
    }

    @Test
    void aTweetOneMayNotSeeIsANotFoundPage() {
        TestUser author = social.user("hidden");
        long secret = social.privateTweet(author, "secret");
        WebClient.Page page = WebClient.signedIn(server, social.user("nosy")).post("/tweets/" + secret + "/like", Map.of());
        assertEquals(404, page.status());
        assertTrue(page.body().contains("<h1>Not found</h1>"));
    }

    @Test
    void retweetsAreLabelledWithWhoRetweeted() {
        TestUser author = social.user("original");
        TestUser retweeter = social.user("amplifier");
        TestUser reader = social.user("listener");
        social.follow(reader, retweeter);
        long tweet = social.tweet(author, "worth sharing");
        assertEquals(202, api.post("/api/tweets/retweet_list/" + tweet + "/", null, retweeter.access()).status());

        String home = WebClient.signedIn(server, reader).get("/").body();
        assertTrue(home.contains("Retweeted by <a href=\"/users/" + retweeter.userId() + "\">"), home);
        assertTrue(home.contains("worth sharing"));
    }

    @Test
    void loadMorePagesByCursorWithAndWithoutHtmx() {
        TestUser author = social.user("prolific");
        for (int i = 1; i <= 25; i++) {
            social.tweet(author, "number " + i);
        }
        WebClient browser = WebClient.signedIn(server, author);
        String first = browser.get("/").body();
        assertEquals(20, count(first, "<article class=\"tweet"));
        assertTrue(first.contains("number 25") && !first.contains("number 5<"), "newest first");
        Matcher more = Pattern.compile("href=\"(/\\?cursor=[A-Za-z0-9_-]+)\"").matcher(first);
        assertTrue(more.find(), "a load more link");

        String second = browser.get(more.group(1)).body();
        assertTrue(second.contains("<h1>Home</h1>"), "without JS the link is a whole page");
        assertEquals(5, count(second, "<article class=\"tweet"));
        assertTrue(second.contains("number 5<") && second.contains("number 1<"));
        assertFalse(second.contains("Load more"), "the last page has no next");

        WebClient.Page fragment = browser.get(more.group(1), Map.of("HX-Request", "true"));
        assertFalse(fragment.body().contains("<html"), "htmx gets the items alone");
        assertEquals(5, count(fragment.body(), "<article class=\"tweet"));
    }

    @Test
    void anEmptyTimelineSaysWhatToDo() {
        TestUser popular = social.user("popular");
        social.follow(social.user("fan"), popular);
        String home = WebClient.signedIn(server, social.user("newcomer")).get("/").body();
        assertTrue(home.contains("Your timeline is empty"), home);
        assertTrue(home.contains("Who to follow"), "suggestions: " + home);
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
