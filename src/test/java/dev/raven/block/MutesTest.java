package dev.raven.block;

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

/** Mutes: the muted account leaves the muter's timeline, explore and search, and is told nothing. */
@WithServer(social = true)
class MutesTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void muteListAndUndo() {
        TestUser a = social.user("muter");
        TestUser m = social.user("muted");
        Api.Res res = social.mute(a, m);
        assertEquals(202, res.status(), res.toString());
        assertEquals("User with id " + m.userId() + " muted", res.json().get("message").asText());
        expect(social.mute(a, m), 202);
        assertEquals(List.of(m.userId()), userIds(api.get("/api/profiles/mutes/", a.access())));
        assertTrue(social.profileAs(a, m).get("muting").asBoolean());
        // nothing told to the muted account
        assertFalse(social.profileAs(m, a).get("muting").asBoolean());
        assertEquals(List.of(), userIds(api.get("/api/profiles/mutes/", m.access())));

        res = social.unmute(a, m);
        assertEquals(202, res.status(), res.toString());
        assertEquals("User with id " + m.userId() + " unmuted", res.json().get("message").asText());
        assertEquals(404, social.unmute(a, m).status());
        assertEquals(400, social.mute(a, a).status());
        assertEquals(404, api.post("/api/profiles/mute/999999999/", null, a.access()).status());
        assertEquals(401, api.post("/api/profiles/mute/" + m.userId() + "/", null, null).status());
        assertEquals(401, api.get("/api/profiles/mutes/", null).status());
    }

    @Test
    void mutedPostsLeaveTheTimelineExploreAndSearch() {
        TestUser a = social.user("zq_muter");
        TestUser m = social.user("zq_muted");
        TestUser f = social.user("zq_friend");
        social.follow(a, m);
        social.follow(a, f);
        long mTweet = social.tweet(m, "muted words");
        long mOther = social.tweet(m, "retweeted by a friend");
        expect(social.retweet(f, mOther), 202);
        long fTweet = social.tweet(f, "friend's words");
        TestUser stranger = social.user("zq_muted_stranger");
        long sTweet = social.tweet(stranger, "stranger's words");
        expect(social.retweet(m, fTweet), 202);

        expect(social.mute(a, m), 202);
        expect(social.mute(a, stranger), 202);
        List<Long> timeline = tweetIds(api.get("/api/tweets/tweets_list/", a.access()));
        assertFalse(timeline.contains(mTweet));
        assertFalse(timeline.contains(mOther)); // not even through a friend's retweet
        assertTrue(timeline.contains(fTweet)); // a followed friend's tweet stays, though the muted one retweeted it
        assertFalse(tweetIds(api.get("/api/tweets/get_latest/?limit=100", a.access())).contains(sTweet));
        assertFalse(tweetIds(api.get("/api/tweets/get_top/?limit=100", a.access())).contains(sTweet));
        assertFalse(userIds(api.post("/api/profiles/search/", Map.of("search_input", "@zq_muted"), a.access()))
                .contains(m.userId()));
        // still reachable directly, and still followed: a mute is not a block
        assertEquals(200, api.get("/api/tweets/get_tweet/" + mTweet + "/", a.access()).status());
        assertTrue(social.profileAs(a, m).get("following").asBoolean());
        // the muted account sees the muter as before
        assertEquals(202, api.get("/api/profiles/view_profile/" + a.userId() + "/", m.access()).status());

        expect(social.unmute(a, m), 202);
        assertTrue(tweetIds(api.get("/api/tweets/tweets_list/", a.access())).contains(mTweet));
    }
}
