package dev.raven.block;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.raven.support.Social.expect;
import static dev.raven.support.Social.tweetIds;
import static dev.raven.support.Social.userIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocks: every list and count keeps the two accounts apart, both ways; the blocked one can
 * neither follow, reply, like nor retweet (403 blocked). The routes: block, unblock, the list.
 */
@WithServer(social = true)
class BlocksTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void blockingAnswers202AndIsListedAndUndone() {
        TestUser a = social.user("blocker");
        TestUser b = social.user("blocked");
        Api.Res res = social.block(a, b);
        assertEquals(202, res.status(), res.toString());
        assertEquals("User with id " + b.userId() + " blocked", res.json().get("message").asText());
        expect(social.block(a, b), 202); // again: still blocked, no error
        assertEquals(List.of(b.userId()), userIds(api.get("/api/profiles/blocks/", a.access())));
        assertEquals(List.of(), userIds(api.get("/api/profiles/blocks/", b.access())));
        assertTrue(social.profileAs(a, b).get("blocking").asBoolean());
        assertFalse(social.profileAs(b, b).get("blocking").asBoolean());

        res = social.unblock(a, b);
        assertEquals(202, res.status(), res.toString());
        assertEquals("User with id " + b.userId() + " unblocked", res.json().get("message").asText());
        assertEquals(List.of(), userIds(api.get("/api/profiles/blocks/", a.access())));
        Api.Res again = social.unblock(a, b);
        assertEquals(404, again.status(), again.toString());
        assertEquals("not_found", again.json().get("code").asText());
    }

    @Test
    void blockErrors() {
        TestUser a = social.user("blockerr");
        Api.Res self = social.block(a, a);
        assertEquals(400, self.status(), self.toString());
        assertEquals("bad_request", self.json().get("code").asText());
        Api.Res missing = api.post("/api/profiles/block/999999999/", null, a.access());
        assertEquals(404, missing.status(), missing.toString());
        Api.Res noToken = api.post("/api/profiles/block/1/", null, null);
        assertEquals(401, noToken.status(), noToken.toString());
        assertEquals(401, api.get("/api/profiles/blocks/", null).status());
        assertEquals(404, api.post("/api/profiles/block/abc/", null, a.access()).status());
        assertEquals(400, api.get("/api/profiles/blocks/?limit=0", a.access()).status());
    }

    @Test
    void theBlocksListIsPagedNewestFirst() {
        TestUser a = social.user("pager");
        TestUser one = social.user("first");
        TestUser two = social.user("second");
        TestUser three = social.user("third");
        expect(social.block(a, one), 202);
        expect(social.block(a, two), 202);
        expect(social.block(a, three), 202);
        Api.Res page = api.get("/api/profiles/blocks/?limit=2", a.access());
        assertEquals(List.of(three.userId(), two.userId()), userIds(page));
        List<JsonNode> all = social.allPages("/api/profiles/blocks/?limit=2", a);
        assertEquals(3, all.size());
        assertEquals(one.userId(), all.get(2).get("user_id").asLong());
    }

    @Test
    void aBlockEndsFollowsBothWaysWithTheirCounts() {
        TestUser a = social.user("ender");
        TestUser b = social.user("ended");
        social.follow(a, b);
        social.follow(b, a);
        assertEquals(1, social.profileAs(a, a).get("number_of_followers").asLong());
        expect(social.block(a, b), 202);
        JsonNode mine = social.profileAs(a, a);
        assertEquals(0, mine.get("number_of_followers").asLong());
        assertEquals(0, mine.get("number_of_following").asLong());
        JsonNode theirs = social.profileAs(b, b);
        assertEquals(0, theirs.get("number_of_followers").asLong());
        assertEquals(0, theirs.get("number_of_following").asLong());
        assertFalse(social.profileAs(a, b).get("following").asBoolean());
    }

    @Test
    void neitherCanFollowLikeReplyOrRetweetTheOther() {
        TestUser a = social.user("wall");
        TestUser b = social.user("pest");
        long aTweet = social.tweet(a, "mine");
        long bTweet = social.tweet(b, "theirs");
        long aReply = social.reply(a, bTweet, "a reply by a");
        expect(social.block(a, b), 202);

        for (Api.Res res : List.of(social.toggleFollow(b, a), social.toggleFollow(a, b),
                social.toggleLike(b, aTweet), social.retweet(b, aTweet),
                social.postReply(b, aTweet, Social.replyBody("hi", null)), social.toggleSave(b, aTweet))) {
            assertEquals(403, res.status(), res.toString());
            assertEquals("blocked", res.json().get("code").asText());
        }
        // the blocker cannot reach the blocked account's tweets either
        Api.Res like = social.toggleLike(a, bTweet);
        assertEquals(403, like.status(), like.toString());
        assertEquals("blocked", like.json().get("code").asText());
        Api.Res replyLike = social.toggleReplyLike(b, aReply); // a's reply under b's own tweet
        assertEquals(403, replyLike.status(), replyLike.toString());
        assertEquals("blocked", replyLike.json().get("code").asText());
        assertEquals(0, social.tweetAs(a, aTweet).get("number_of_likes").asLong());

        expect(social.unblock(a, b), 202);
        social.follow(b, a);
        social.like(b, aTweet);
    }

    @Test
    void theBlockedAccountSeesNothingOfTheBlockersProfileOrPosts() {
        TestUser a = social.user("hidden");
        TestUser b = social.user("seeker");
        long tweet = social.tweet(a, "secret from b");
        expect(social.block(a, b), 202);

        assertEquals(404, api.get("/api/profiles/view_profile/" + a.userId() + "/", b.access()).status());
        assertEquals(404, api.get("/api/tweets/get_tweet/" + tweet + "/", b.access()).status());
        for (String list : List.of("/api/tweets/get_tweets/", "/api/tweets/get_liked/", "/api/tweets/get_user_media/",
                "/api/tweets/replies/get_user_replies/", "/api/tweets/replies/get_user_tweets_and_replies/")) {
            assertEquals(404, api.get(list + a.userId() + "/", b.access()).status(), list);
        }
        for (String list : List.of("/api/profiles/get_followers/", "/api/profiles/get_following/")) {
            assertEquals(404, api.get(list + a.profileId() + "/", b.access()).status(), list);
        }
        assertEquals(404, api.get("/api/tweets/replies/replies_list/" + tweet + "/", b.access()).status());

        // the blocker still sees the blocked profile (to undo the block), but none of its posts
        long theirs = social.tweet(b, "b's tweet");
        assertEquals(202, api.get("/api/profiles/view_profile/" + b.userId() + "/", a.access()).status());
        assertEquals(List.of(), tweetIds(api.get("/api/tweets/get_tweets/" + b.userId() + "/", a.access())));
        assertEquals(404, api.get("/api/tweets/get_tweet/" + theirs + "/", a.access()).status());
    }

    @Test
    void everySharedListLeavesTheOtherOut() {
        TestUser a = social.user("lister");
        TestUser b = social.user("listed");
        TestUser c = social.user("between");
        long cTweet = social.tweet(c, "c's tweet");
        long aTweet = social.tweet(a, "a's tweet");
        social.like(b, cTweet);
        expect(social.retweet(b, cTweet), 202);
        long bReply = social.reply(b, cTweet, "b replies");
        long aReply = social.reply(a, cTweet, "a replies");
        social.likeReply(b, aReply);
        social.follow(b, c);
        social.follow(c, b);
        social.like(c, aTweet);
        expect(social.retweet(c, aTweet), 202);
        expect(social.block(a, b), 202);

        // a no longer sees b among likers, retweeters, repliers, followers, following, reply likers
        assertFalse(userIds(api.get("/api/tweets/get_tweet_like_list/" + cTweet + "/", a.access())).contains(b.userId()));
        assertFalse(userIds(api.get("/api/tweets/retweet_list/" + cTweet + "/", a.access())).contains(b.userId()));
        assertFalse(replyIds(api.get("/api/tweets/replies/replies_list/" + cTweet + "/", a.access())).contains(bReply));
        assertTrue(replyIds(api.get("/api/tweets/replies/replies_list/" + cTweet + "/", c.access())).contains(bReply));
        assertFalse(userIds(api.get("/api/profiles/get_followers/" + c.profileId() + "/", a.access())).contains(b.userId()));
        assertFalse(userIds(api.get("/api/profiles/get_following/" + c.profileId() + "/", a.access())).contains(b.userId()));
        assertTrue(userIds(api.get("/api/profiles/get_following/" + c.profileId() + "/", c.access())).contains(b.userId()));
        assertFalse(userIds(api.get("/api/tweets/replies/get_reply_like_list/" + aReply + "/", a.access()))
                .contains(b.userId()));

        // b no longer sees a's tweet in c's likes, nor through c's retweet in the timeline, nor a's reply
        assertFalse(Social.itemKeys(api.get("/api/tweets/get_liked/" + c.userId() + "/", b.access()))
                .contains("t" + aTweet));
        assertFalse(tweetIds(api.get("/api/tweets/tweets_list/", b.access())).contains(aTweet));
        assertTrue(tweetIds(api.get("/api/tweets/tweets_list/", b.access())).contains(cTweet));
        assertFalse(replyIds(api.get("/api/tweets/replies/replies_list/" + cTweet + "/", b.access())).contains(aReply));
        assertEquals(404, api.get("/api/tweets/get_tweet_like_list/" + aTweet + "/", b.access()).status());
    }

    @Test
    void exploreSearchAndSuggestionsLeaveTheOtherOut() {
        TestUser a = social.user("zz_explorer");
        TestUser b = social.user("zz_explored");
        long aTweet = social.tweet(a, "explore me");
        long bTweet = social.tweet(b, "explore me too");
        assertTrue(tweetIds(api.get("/api/tweets/get_latest/?limit=100", b.access())).contains(aTweet));
        assertTrue(searchIds(b, "@" + a.username()).contains(a.userId()));
        expect(social.block(a, b), 202);

        for (String list : List.of("/api/tweets/get_latest/?limit=100", "/api/tweets/get_top/?limit=100")) {
            assertFalse(tweetIds(api.get(list, b.access())).contains(aTweet), list);
            assertFalse(tweetIds(api.get(list, a.access())).contains(bTweet), list);
        }
        assertFalse(searchIds(b, "@" + a.username()).contains(a.userId()));
        assertFalse(searchIds(a, b.username()).contains(b.userId()));
        assertFalse(userIds(api.get("/api/profiles/most_popular/?limit=100", b.access())).contains(a.userId()));
        assertFalse(userIds(api.get("/api/profiles/who_to_follow/?limit=100", a.access())).contains(b.userId()));
    }

    private static List<Long> searchIds(TestUser viewer, String input) {
        return userIds(api.post("/api/profiles/search/?limit=100", Map.of("search_input", input), viewer.access()));
    }

    private static List<Long> replyIds(Api.Res res) {
        expect(res, 200);
        List<Long> ids = new java.util.ArrayList<>();
        res.json().forEach(n -> ids.add(n.get("reply_id").asLong()));
        return ids;
    }
}
