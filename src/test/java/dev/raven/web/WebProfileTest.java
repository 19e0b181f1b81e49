package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profile pages: follow and unfollow with and without JavaScript, and what a stranger sees. */
@WithServer(social = true)
class WebProfileTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    @Test
    void followingThroughThePlainFormFollowsAndShowsTheirTweetsAtHome() {
        TestUser author = social.user("followed");
        TestUser reader = social.user("follower");
        social.tweet(author, "hello followers");
        WebClient browser = WebClient.signedIn(server, reader);

        String profile = browser.get("/users/" + author.userId()).body();
        assertTrue(profile.contains("<h1 id=\"profile-name\">Alias of " + author.username()), profile);
        assertTrue(profile.contains(">\n    Follow <span"), "a follow button: " + profile);

        WebClient.Page followed = browser.post("/users/" + author.userId() + "/follow", Map.of());
        assertEquals(303, followed.status());
        assertEquals("/users/" + author.userId(), followed.location());
        assertTrue(social.profileAs(reader, author).get("following").asBoolean());
        assertTrue(browser.get("/").body().contains("hello followers"));

        assertEquals(303, browser.post("/users/" + author.userId() + "/follow", Map.of()).status());
        assertFalse(social.profileAs(reader, author).get("following").asBoolean(), "pressed again: unfollowed");
    }

    @Test
    void withHtmxFollowingAnswersTheButtonAndTheNewFollowerCount() {
        TestUser author = social.user("counted");
        WebClient browser = WebClient.signedIn(server, social.user("fan"));
        browser.get("/users/" + author.userId());
        WebClient.Page page = browser.postExactly("/users/" + author.userId() + "/follow", Map.of(),
                Map.of("HX-Request", "true", "X-CSRF-Token", browser.csrf()));
        assertEquals(200, page.status());
        assertTrue(page.body().startsWith("<form id=\"follow\""), page.body());
        assertTrue(page.body().contains("aria-pressed=\"true\""));
        assertTrue(page.body().contains("<strong id=\"followers-count\" hx-swap-oob=\"true\">1</strong>"));
    }

    @Test
    void followersOnlyTweetsAreNotOnTheProfilePageForAStranger() {
        TestUser author = social.user("guarded");
        social.tweet(author, "for everyone");
        social.privateTweet(author, "for followers");
        TestUser follower = social.user("insider");
        social.follow(follower, author);

        String strangers = WebClient.signedIn(server, social.user("outsider")).get("/users/" + author.userId()).body();
        assertTrue(strangers.contains("for everyone"));
        assertFalse(strangers.contains("for followers"));
        assertTrue(WebClient.signedIn(server, follower).get("/users/" + author.userId()).body().contains("for followers"));
    }

    @Test
    void followersAndFollowingAreListedFromTheCounts() {
        TestUser star = social.user("star");
        TestUser fan = social.user("devotee");
        social.follow(fan, star);
        WebClient browser = WebClient.signedIn(server, fan);
        assertTrue(browser.get("/users/" + star.userId()).body()
                .contains("href=\"/users/" + star.userId() + "/followers\""));
        String followers = browser.get("/users/" + star.userId() + "/followers").body();
        assertTrue(followers.contains("<h1>Followers of Alias of " + star.username() + "</h1>"), followers);
        assertTrue(followers.contains("href=\"/users/" + fan.userId() + "\""));
        String following = browser.get("/users/" + fan.userId() + "/following").body();
        assertTrue(following.contains("href=\"/users/" + star.userId() + "\""));
        assertEquals(404, browser.get("/users/987654321/followers").status());
    }

    @Test
    void theTabsShowRepliesMediaAndLikesAsTheApiDoes() {
        TestUser owner = social.user("tabbed");
        TestUser other = social.user("other");
        long otherTweet = social.tweet(other, "someone else's tweet");
        social.reply(owner, otherTweet, "my reply to it");
        social.mediaTweet(owner, "a picture", "https://example.org/p.png", true);
        social.like(owner, otherTweet);
        long secret = social.privateTweet(other, "other's private tweet");
        TestUser friend = social.user("friendly");
        social.follow(owner, other);
        social.like(owner, secret);
        WebClient stranger = WebClient.signedIn(server, friend);

        String replies = stranger.get("/users/" + owner.userId() + "/with_replies").body();
        assertTrue(replies.contains("my reply to it") && replies.contains("a picture"), replies);
        assertTrue(replies.contains("Replying to <a href=\"/tweets/" + otherTweet + "\">"));
        assertTrue(replies.contains("href=\"/users/" + owner.userId() + "/with_replies\" aria-current=\"page\""));

        String media = stranger.get("/users/" + owner.userId() + "/media").body();
        assertTrue(media.contains("a picture"));
        assertFalse(media.contains("my reply to it"));

        String likes = stranger.get("/users/" + owner.userId() + "/likes").body();
        assertTrue(likes.contains("someone else&#39;s tweet") || likes.contains("someone else's tweet"), likes);
        assertFalse(likes.contains("other's private tweet") || likes.contains("other&#39;s private tweet"),
                "a followers-only tweet stays hidden from a stranger in the likes tab");
    }

    @Test
    void onesOwnProfileHasNoFollowButton() {
        TestUser me = social.user("self");
        String page = WebClient.signedIn(server, me).get("/users/" + me.userId()).body();
        assertFalse(page.contains("id=\"follow\""));
    }

    @Test
    void anUnknownUserIsANotFoundPage() {
        WebClient.Page page = WebClient.signedIn(server, social.user("looker")).get("/users/987654321");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("<h1>Not found</h1>"));
    }

    @Test
    void profilePagesNeedASessionAndComeBackAfterLogIn() {
        TestUser author = social.user("visited");
        WebClient browser = WebClient.of(server);
        WebClient.Page page = browser.get("/users/" + author.userId());
        assertEquals(303, page.status());
        assertEquals("/login?next=%2Fusers%2F" + author.userId(), page.location());

        TestUser visitor = social.user("visitor");
        WebClient.Page login = browser.post("/login", Map.of("username", visitor.username(),
                "password", TestUser.PASSWORD, "next", "/users/" + author.userId()));
        assertEquals("/users/" + author.userId(), login.location());
    }
}
