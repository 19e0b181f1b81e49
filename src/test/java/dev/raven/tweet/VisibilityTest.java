package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * public: false tweets are seen only by the author and the author's followers, on every
 * route; to anyone else they are a 404 exactly like a missing tweet.
 */
@WithServer(social = true)
class VisibilityTest {
    static TestServer server;
    static Api api;
    static Social social;

    TestUser author;
    TestUser follower;
    TestUser stranger;
    long hidden;
    long hiddenMedia;
    long open;

    @BeforeEach
    void scene() {
        author = social.user("private");
        follower = social.user("insider");
        stranger = social.user("outsider");
        social.follow(follower, author);
        open = social.tweet(author, "for everyone");
        hidden = social.privateTweet(author, "followers only");
        hiddenMedia = social.mediaTweet(author, "hidden pic", "https://img.example/h.png", false);
    }

    @Test
    void singleFetch() {
        assertEquals(200, api.get("/api/tweets/get_tweet/" + hidden + "/", author.access()).status());
        assertEquals(200, api.get("/api/tweets/get_tweet/" + hidden + "/", follower.access()).status());
        Api.Res res = api.get("/api/tweets/get_tweet/" + hidden + "/", stranger.access());
        Api.Res missing = api.get("/api/tweets/get_tweet/999999999/", stranger.access());
        assertEquals(404, res.status());
        assertEquals(missing.body(), res.body(), "indistinguishable from a missing tweet");
    }

    @Test
    void followingMakesItVisibleAndUnfollowingHidesItAgain() {
        social.follow(stranger, author);
        assertEquals(200, api.get("/api/tweets/get_tweet/" + hidden + "/", stranger.access()).status());
        Social.expect(social.toggleFollow(stranger, author), 202);
        assertEquals(404, api.get("/api/tweets/get_tweet/" + hidden + "/", stranger.access()).status());
    }

    @Test
    void theAuthorsTweetListsAndMedia() {
        String tweets = "/api/tweets/get_tweets/" + author.userId() + "/";
        assertEquals(List.of(hiddenMedia, hidden, open), Social.tweetIds(api.get(tweets, author.access())));
        assertEquals(List.of(hiddenMedia, hidden, open), Social.tweetIds(api.get(tweets, follower.access())));
        assertEquals(List.of(open), Social.tweetIds(api.get(tweets, stranger.access())));
        String media = "/api/tweets/get_user_media/" + author.userId() + "/";
        assertEquals(List.of(hiddenMedia), Social.tweetIds(api.get(media, follower.access())));
        assertEquals(List.of(), Social.tweetIds(api.get(media, stranger.access())));
    }

    @Test
    void likedSavedAndTheLikeAndRetweetLists() {
        social.like(follower, hidden);
        social.like(follower, open);
        Social.expect(social.toggleSave(follower, hidden), 202);
        Social.expect(social.retweet(follower, hidden), 202);

        String liked = "/api/tweets/get_liked/" + follower.userId() + "/";
        assertEquals(List.of(open, hidden), Social.tweetIds(api.get(liked, follower.access())));
        assertEquals(List.of(open), Social.tweetIds(api.get(liked, stranger.access())));
        for (String path : List.of("/api/tweets/get_tweet_like_list/" + hidden + "/",
                "/api/tweets/retweet_list/" + hidden + "/")) {
            assertEquals(200, api.get(path, follower.access()).status(), path);
            assertEquals(1, api.get(path, follower.access()).json().size(), path);
            assertEquals(404, api.get(path, stranger.access()).status(), path);
        }
        assertEquals(List.of(hidden), Social.tweetIds(api.get("/api/tweets/get_saved_tweets/", follower.access())));

        // Unfollowing hides the tweet from one's own saved and liked lists too.
        Social.expect(social.toggleFollow(follower, author), 202);
        assertEquals(List.of(), Social.tweetIds(api.get("/api/tweets/get_saved_tweets/", follower.access())));
        assertEquals(List.of(open), Social.tweetIds(api.get(liked, follower.access())));
    }

    @Test
    void timelineRetweetsOfHiddenTweetsReachOnlyTheAuthorsFollowers() {
        TestUser fanOfFollower = social.user("secondhand");
        social.follow(fanOfFollower, follower);
        Social.expect(social.retweet(follower, hidden), 202);
        Social.expect(social.retweet(follower, open), 202);
        assertEquals(List.of(open), Social.tweetIds(api.get("/api/tweets/tweets_list/", fanOfFollower.access())));
        social.follow(fanOfFollower, author);
        List<Long> now = Social.tweetIds(api.get("/api/tweets/tweets_list/", fanOfFollower.access()));
        assertEquals(List.of(open, hidden, hiddenMedia), now);
    }

    @Test
    void changingAHiddenTweetIs404NotForbidden() {
        List<Api.Res> answers = List.of(
                social.toggleLike(stranger, hidden),
                social.toggleSave(stranger, hidden),
                social.retweet(stranger, hidden),
                social.unretweet(stranger, hidden),
                api.put("/api/tweets/manage_tweet/" + hidden + "/", Map.of("content", "x"), stranger.access()),
                api.delete("/api/tweets/manage_tweet/" + hidden + "/", null, stranger.access()));
        for (Api.Res res : answers) {
            assertEquals(404, res.status(), res.body());
        }
        assertEquals(0, social.tweetAs(author, hidden).get("number_of_likes").asLong());
        assertEquals(0, social.tweetAs(author, hidden).get("number_of_saves").asLong());
        assertEquals(0, social.tweetAs(author, hidden).get("number_of_retweets").asLong());
        assertEquals(403, api.put("/api/tweets/manage_tweet/" + hidden + "/", Map.of("content", "x"),
                follower.access()).status(), "a follower sees it, so is told it is not theirs");
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void makingATweetPublicShowsItToEveryone() {
        Social.expect(api.put("/api/tweets/manage_tweet/" + hidden + "/", Map.of("public", true), author.access()), 202);
        assertTrue(social.tweetAs(stranger, hidden).get("public").asBoolean());
    }
}
