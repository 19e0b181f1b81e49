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

/** The tweet page: the tweet, its replies and the reply box, with and without htmx. */
@WithServer(value = {"tweet.max.length=50"}, social = true)
class WebReplyTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    @Test
    void theTweetPageShowsTheTweetAndItsRepliesAndLinksFromTheTimeline() {
        TestUser author = social.user("talker");
        long tweet = social.tweet(author, "what do you think?");
        TestUser replier = social.user("answerer");
        social.reply(replier, tweet, "I agree <i>fully</i>");

        WebClient browser = WebClient.signedIn(server, author);
        assertTrue(browser.get("/").body().contains("href=\"/tweets/" + tweet + "\""), "the timeline links to it");
        String page = browser.get("/tweets/" + tweet).body();
        assertTrue(page.contains("<h1>Tweet by Alias of " + author.username() + "</h1>"), page);
        assertTrue(page.contains("what do you think?"));
        assertTrue(page.contains("I agree &lt;i&gt;fully&lt;/i&gt;"), "escaped");
        assertTrue(page.contains("<label for=\"reply-content\">Your reply</label>"));
    }

    @Test
    void replyingThroughThePlainFormAddsTheReply() {
        TestUser author = social.user("asker");
        long tweet = social.tweet(author, "question");
        WebClient browser = WebClient.signedIn(server, social.user("helper"));
        browser.get("/tweets/" + tweet);

        WebClient.Page posted = browser.post("/tweets/" + tweet + "/replies", Map.of("content", "an answer"));
        assertEquals(303, posted.status());
        assertEquals("/tweets/" + tweet, posted.location());
        assertTrue(browser.get("/tweets/" + tweet).body().contains("an answer"));
        assertEquals(1, social.tweetAs(author, tweet).get("number_of_replies").asInt());
    }

    @Test
    void aReplyCarriesAPictureAndABadUrlIsShownNextToItsField() {
        TestUser author = social.user("pictured");
        long tweet = social.tweet(author, "show me");
        WebClient browser = WebClient.signedIn(server, author);
        browser.get("/tweets/" + tweet);
        assertEquals(303, browser.post("/tweets/" + tweet + "/replies",
                Map.of("content", "here", "media_url", "https://example.org/r.png")).status());
        assertTrue(browser.get("/tweets/" + tweet).body().contains("<img class=\"media\" src=\"https://example.org/r.png\""));

        WebClient.Page bad = browser.post("/tweets/" + tweet + "/replies",
                Map.of("content", "kept", "media_url", "nope"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"media_url-error\"") && bad.body().contains("value=\"nope\""), bad.body());
    }

    @Test
    void aTooLongReplyKeepsItsTextWithAndWithoutHtmx() {
        TestUser author = social.user("short");
        long tweet = social.tweet(author, "be brief");
        WebClient browser = WebClient.signedIn(server, author);
        browser.get("/tweets/" + tweet);
        String text = "y".repeat(51);

        WebClient.Page page = browser.post("/tweets/" + tweet + "/replies", Map.of("content", text));
        assertEquals(422, page.status());
        assertTrue(page.body().contains(">" + text + "</textarea>"));
        assertTrue(page.body().contains("id=\"content-error\""));

        WebClient.Page htmx = browser.postExactly("/tweets/" + tweet + "/replies",
                Map.of("content", text, "_csrf", browser.csrf()), Map.of("HX-Request", "true"));
        assertEquals(200, htmx.status());
        assertTrue(htmx.body().startsWith("<form id=\"reply-form\""), htmx.body());
        assertTrue(htmx.body().contains(">" + text + "</textarea>"));
    }

    @Test
    void withHtmxAReplyAnswersTheEmptyBoxAndTheReplyOutOfBand() {
        TestUser author = social.user("swapper");
        long tweet = social.tweet(author, "swap it");
        WebClient browser = WebClient.signedIn(server, author);
        browser.get("/tweets/" + tweet);
        WebClient.Page page = browser.postExactly("/tweets/" + tweet + "/replies",
                Map.of("content", "in place", "_csrf", browser.csrf()), Map.of("HX-Request", "true"));
        assertEquals(200, page.status());
        assertFalse(page.body().contains("<html"));
        assertTrue(page.body().contains("hx-swap-oob=\"afterbegin:#replies\""));
        assertTrue(page.body().contains("in place"));
    }

    @Test
    void aFollowersOnlyTweetPageIsNotFoundForAStranger() {
        TestUser author = social.user("closed");
        long secret = social.privateTweet(author, "only friends");
        WebClient stranger = WebClient.signedIn(server, social.user("passerby"));
        WebClient.Page page = stranger.get("/tweets/" + secret);
        assertEquals(404, page.status());
        assertFalse(page.body().contains("only friends"));
        assertEquals(404, stranger.post("/tweets/" + secret + "/replies", Map.of("content", "hi")).status());

        TestUser follower = social.user("friend");
        social.follow(follower, author);
        assertTrue(WebClient.signedIn(server, follower).get("/tweets/" + secret).body().contains("only friends"));
    }

    @Test
    void repliesAreLikedInPlaceAndDeletedByTheirAuthorOnly() {
        TestUser author = social.user("op");
        long tweet = social.tweet(author, "thread");
        TestUser replier = social.user("replier");
        long reply = social.reply(replier, tweet, "my reply");
        WebClient authorBrowser = WebClient.signedIn(server, author);

        WebClient.Page liked = authorBrowser.post("/replies/" + reply + "/like", Map.of());
        assertEquals(303, liked.status());
        assertEquals("/tweets/" + tweet, liked.location());
        String page = authorBrowser.get("/tweets/" + tweet).body();
        assertTrue(page.contains("aria-pressed=\"true\">Unlike <span class=\"count\">1</span>"), page);
        assertFalse(page.contains("/replies/" + reply + "/delete"), "only the reply's author may delete it");
        assertEquals(403, authorBrowser.post("/replies/" + reply + "/delete", Map.of()).status());
        assertEquals(403, authorBrowser.get("/replies/" + reply + "/delete").status());

        WebClient.Page unliked = authorBrowser.postExactly("/replies/" + reply + "/like", Map.of(),
                Map.of("HX-Request", "true", "X-CSRF-Token", authorBrowser.csrf()));
        assertTrue(unliked.body().startsWith("<article class=\"reply card\" id=\"reply-" + reply + "\""), unliked.body());
        assertTrue(unliked.body().contains("aria-pressed=\"false\">Like <span class=\"count\">0</span>"));

        WebClient replierBrowser = WebClient.signedIn(server, replier);
        assertTrue(replierBrowser.get("/tweets/" + tweet).body().contains("hx-confirm=\"Delete this reply?\""));
        WebClient.Page confirm = replierBrowser.get("/replies/" + reply + "/delete");
        assertTrue(confirm.body().contains("<h1>Delete reply</h1>") && confirm.body().contains("my reply"));
        WebClient.Page deleted = replierBrowser.post("/replies/" + reply + "/delete", Map.of());
        assertEquals(303, deleted.status());
        assertFalse(replierBrowser.get("/tweets/" + tweet).body().contains("my reply"));
        assertEquals(0, social.tweetAs(author, tweet).get("number_of_replies").asInt());
    }

    @Test
    void whoLikedAndWhoRetweetedArePeopleLists() {
        TestUser author = social.user("liked");
        long tweet = social.tweet(author, "like and share");
        TestUser fan = social.user("fan");
        TestUser sharer = social.user("sharer");
        social.like(fan, tweet);
        assertEquals(202, social.retweet(sharer, tweet).status());
        WebClient browser = WebClient.signedIn(server, author);

        assertTrue(browser.get("/tweets/" + tweet).body().contains("href=\"/tweets/" + tweet + "/likes\""));
        String likes = browser.get("/tweets/" + tweet + "/likes").body();
        assertTrue(likes.contains("<h1>Liked by</h1>") && likes.contains("/users/" + fan.userId()), likes);
        assertFalse(likes.contains("/users/" + sharer.userId() + "\""));
        String retweets = browser.get("/tweets/" + tweet + "/retweets").body();
        assertTrue(retweets.contains("<h1>Retweeted by</h1>") && retweets.contains("/users/" + sharer.userId()));

        long secret = social.privateTweet(author, "hidden");
        assertEquals(404, WebClient.signedIn(server, social.user("outsider")).get("/tweets/" + secret + "/likes").status());
    }

    @Test
    void manyRepliesArePagedByCursor() {
        TestUser author = social.user("popular");
        long tweet = social.tweet(author, "reply to me");
        for (int i = 1; i <= 23; i++) {
            social.reply(author, tweet, "reply " + i);
        }
        WebClient browser = WebClient.signedIn(server, author);
        String first = browser.get("/tweets/" + tweet).body();
        assertEquals(20, first.split("<article class=\"reply", -1).length - 1);
        Matcher more = Pattern.compile("href=\"(/tweets/" + tweet + "\\?cursor=[A-Za-z0-9_-]+)\"").matcher(first);
        assertTrue(more.find());
        WebClient.Page rest = browser.get(more.group(1), Map.of("HX-Request", "true"));
        assertEquals(3, rest.body().split("<article class=\"reply", -1).length - 1);
        assertTrue(rest.body().contains("reply 1<") && !rest.body().contains("More replies"));
    }
}
