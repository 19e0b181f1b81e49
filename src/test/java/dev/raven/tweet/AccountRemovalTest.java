package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deleting a user takes their social footprint along and leaves every other count right. */
@WithServer(social = true)
class AccountRemovalTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void deletingAUserRemovesTheirTweetsFollowsLikesSavesRetweetsAndFixesEveryCount() {
        TestUser leaving = social.user("leaving");
        TestUser friend = social.user("friend");
        TestUser fan = social.user("fan");
        social.follow(leaving, friend);
        social.follow(fan, leaving);
        social.follow(friend, leaving);
        social.follow(fan, friend);

        long friendsTweet = social.tweet(friend, "friend's");
        long ownTweet = social.mediaTweet(leaving, "leaving's", "https://img.example/l.png", true);
        social.like(leaving, friendsTweet);
        Social.expect(social.toggleSave(leaving, friendsTweet), 202);
        Social.expect(social.retweet(leaving, friendsTweet), 202);
        social.like(leaving, ownTweet);
        social.like(friend, ownTweet);
        social.like(fan, ownTweet);
        social.like(fan, friendsTweet);
        Social.expect(social.toggleSave(fan, ownTweet), 202);
        Social.expect(social.retweet(friend, ownTweet), 202);
        Counters.assertAllConsistent(jdbi);
        assertEquals(List.of(ownTweet, friendsTweet), Social.tweetIds(api.get("/api/tweets/tweets_list/",
                fan.access())));

        Api.Res res = api.delete("/api/auth/user/delete/", Map.of("refresh_token", leaving.refresh()),
                leaving.access());
        assertEquals(204, res.status(), res.body());

        var friendProfile = social.profileAs(fan, friend);
        assertEquals(1, friendProfile.get("number_of_followers").asLong(), "only the fan is left");
        assertEquals(0, friendProfile.get("number_of_following").asLong());
        assertEquals(0, friendProfile.get("number_of_likes").asLong(), "their like went with the tweet");
        var fanProfile = social.profileAs(fan, fan);
        assertEquals(1, fanProfile.get("number_of_following").asLong());
        assertEquals(1, fanProfile.get("number_of_likes").asLong());
        var tweet = social.tweetAs(fan, friendsTweet);
        assertEquals(1, tweet.get("number_of_likes").asLong());
        assertEquals(0, tweet.get("number_of_saves").asLong());
        assertEquals(0, tweet.get("number_of_retweets").asLong());

        assertEquals(404, api.get("/api/tweets/get_tweet/" + ownTweet + "/", fan.access()).status());
        assertEquals(List.of(friendsTweet), Social.tweetIds(api.get("/api/tweets/tweets_list/", fan.access())));
        assertEquals(List.of(friendsTweet), Social.tweetIds(api.get("/api/tweets/get_liked/" + fan.userId() + "/",
                fan.access())));
        assertEquals("[]", api.get("/api/tweets/get_saved_tweets/", fan.access()).body());
        assertEquals(1, api.get("/api/profiles/get_followers/" + friend.profileId() + "/", fan.access())
                .json().size());
        assertEquals(404, api.get("/api/profiles/view_profile/" + leaving.userId() + "/", fan.access()).status());
        long id = leaving.userId();
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweets WHERE user_id = ?", id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM follows WHERE follower_id = ? OR followed_id = ?",
                id, id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_likes WHERE user_id = ?", id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_saves WHERE user_id = ?", id));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM retweets WHERE user_id = ?", id));
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void deletingAUserRemovesTheirRepliesAndReplyLikesAndTheRepliesUnderTheirTweets() {
        TestUser leaving = social.user("rleaving");
        TestUser friend = social.user("rfriend");
        TestUser fan = social.user("rfan");
        long friendsTweet = social.tweet(friend, "friend's");
        long ownTweet = social.tweet(leaving, "leaving's");
        long onFriends1 = social.reply(leaving, friendsTweet, "mine on theirs 1");
        long onFriends2 = social.reply(leaving, friendsTweet, "mine on theirs 2");
        long onOwn = social.reply(leaving, ownTweet, "mine on mine");
        long friendOnOwn = social.reply(friend, ownTweet, "theirs on mine");
        long fanOnOwn = social.reply(fan, ownTweet, "fan's on mine");
        long friendOnFriends = social.mediaReply(friend, friendsTweet, "theirs on theirs", "https://img.example/f.png");
        social.likeReply(fan, onFriends1);
        social.likeReply(fan, onOwn); // the leaving user's reply under their own tweet: must count once
        social.likeReply(fan, friendOnOwn);
        social.likeReply(friend, fanOnOwn);
        social.likeReply(friend, onFriends2);
        social.likeReply(leaving, friendOnFriends);
        social.likeReply(leaving, friendOnOwn);
        social.like(fan, friendsTweet);
        Counters.assertAllConsistent(jdbi);
        assertEquals(3, social.tweetAs(fan, friendsTweet).get("number_of_replies").asLong());

        Api.Res res = api.delete("/api/auth/user/delete/", Map.of("refresh_token", leaving.refresh()),
                leaving.access());
        assertEquals(204, res.status(), res.body());

        assertEquals(1, social.tweetAs(fan, friendsTweet).get("number_of_replies").asLong());
        var fanProfile = social.profileAs(fan, fan);
        assertEquals(1, fanProfile.get("number_of_likes").asLong(), "only the tweet like is left");
        assertEquals(0, fanProfile.get("number_of_tweets_and_replies").asLong(), "their reply went with the tweet");
        var friendProfile = social.profileAs(fan, friend);
        assertEquals(0, friendProfile.get("number_of_likes").asLong());
        assertEquals(2, friendProfile.get("number_of_tweets_and_replies").asLong(), "a tweet and a reply");
        var kept = api.get("/api/tweets/replies/replies_list/" + friendsTweet + "/", fan.access()).json();
        assertEquals(1, kept.size());
        assertEquals(friendOnFriends, kept.get(0).get("reply_id").asLong());
        assertEquals(0, kept.get(0).get("number_of_likes").asLong());
        assertEquals(List.of("r" + friendOnFriends, "t" + friendsTweet), Social.itemKeys(api.get(
                "/api/tweets/replies/get_user_tweets_and_replies/" + friend.userId() + "/", fan.access())));
        assertEquals(List.of("t" + friendsTweet), Social.itemKeys(api.get("/api/tweets/get_liked/" + fan.userId()
                + "/", fan.access())));
        long id = leaving.userId();
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM replies WHERE user_id = ? OR tweet_id = ?",
                id, ownTweet));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM reply_likes WHERE user_id = ?", id));
        Counters.assertAllConsistent(jdbi);
    }
}
