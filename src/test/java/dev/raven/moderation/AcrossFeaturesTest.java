package dev.raven.moderation;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Pictures;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where blocks, mutes, suspension and silence (issue 13) meet notifications, hashtags
 * (issue 14) and pictures (issue 12): each rule holds in the other features too.
 */
@WithServer(value = "ratelimit.enabled=false", social = true)
class AcrossFeaturesTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    static List<Long> actorsNotifying(TestUser user) {
        Api.Res res = api.get("/api/notifications/", user.access());
        Social.expect(res, 200);
        List<Long> actors = new ArrayList<>();
        res.json().forEach(n -> actors.add(n.get("actor").get("user_id").asLong()));
        return actors;
    }

    static int unread(TestUser user) {
        Api.Res res = api.get("/api/notifications/unread_count/", user.access());
        Social.expect(res, 200);
        return res.json().get("unread_count").asInt();
    }

    static List<Long> tagged(String tag, TestUser viewer) {
        return Social.tweetIds(api.get("/api/tags/" + tag + "/", viewer.access()));
    }

    @Test
    void aMentionAcrossABlockNotifiesNobody() {
        TestUser blocker = social.user("blocker");
        TestUser blocked = social.user("blocked");
        Social.expect(social.block(blocker, blocked), 202);

        social.tweet(blocked, "hello @" + blocker.username());

        assertFalse(actorsNotifying(blocker).contains(blocked.userId()));
        assertEquals(0, unread(blocker));
    }

    @Test
    void aMutedAccountsActionsAreNotNotified() {
        TestUser muter = social.user("muter");
        TestUser muted = social.user("muted");
        long tweet = social.tweet(muter, "mine");
        Social.expect(social.mute(muter, muted), 202);

        social.like(muted, tweet);
        social.follow(muted, muter);
        social.tweet(muted, "hey @" + muter.username());

        assertEquals(List.of(), actorsNotifying(muter));
        assertEquals(0, unread(muter));
    }

    @Test
    void notificationsFromAnAccountLeaveTheListWhenItIsBlockedOrSuspended() {
        TestUser me = social.user("me");
        TestUser rude = social.user("rude");
        TestUser spammer = social.user("spammer");
        long tweet = social.tweet(me, "a post");
        social.like(rude, tweet);
        social.like(spammer, tweet);
        assertEquals(2, unread(me));

        Social.expect(social.block(me, rude), 202);
        TestUser mod = Staff.moderator(social, jdbi, "mod");
        Social.expect(api.post("/api/moderation/users/" + spammer.userId() + "/suspend/", Map.of("reason", "spam"),
                mod.access()), 202);

        assertEquals(List.of(), actorsNotifying(me));
        assertEquals(0, unread(me));
    }

    @Test
    void aTagListLeavesOutMutedAuthorsAndTrendingLeavesOutSilencedOnes() {
        TestUser viewer = social.user("viewer");
        TestUser loud = social.user("loud");
        TestUser quiet = social.user("quiet");
        long loudTweet = social.tweet(loud, "#crosstag one");
        long quietTweet = social.tweet(quiet, "#crosstag two");
        Social.expect(social.mute(viewer, quiet), 202);

        assertEquals(List.of(loudTweet), tagged("crosstag", viewer));
        assertEquals(List.of(quietTweet, loudTweet), tagged("crosstag", loud), "others still see both");

        TestUser silenced = social.user("silenced");
        for (int i = 0; i < 3; i++) {
            social.tweet(silenced, "#hushedtag number " + i);
        }
        TestUser mod = Staff.moderator(social, jdbi, "silencer");
        Social.expect(api.post("/api/moderation/users/" + silenced.userId() + "/silence/", Map.of(), mod.access()),
                202);
        Api.Res trending = api.get("/api/tweets/get_trending_tags/", viewer.access());
        Social.expect(trending, 200);
        List<String> tags = new ArrayList<>();
        trending.json().forEach(t -> tags.add(t.get("tag").asText()));
        assertTrue(tags.contains("crosstag"), tags.toString());
        assertFalse(tags.contains("hushedtag"), tags.toString());
    }

    @Test
    void aModeratorsDeleteRemovesTheTweetsPicture() {
        TestUser author = social.user("pictured");
        Api.Res up = api.uploadPicture(Pictures.jpeg(320, 240), "p.jpg", "a square", author.access());
        Social.expect(up, 201);
        String url = up.json().get("url").asText();
        long tweet = social.mediaTweet(author, "look", url, true);
        assertEquals(200, api.getBytes(url, Map.of()).status());

        TestUser mod = Staff.moderator(social, jdbi, "cleaner");
        Social.expect(api.delete("/api/moderation/tweets/" + tweet + "/", Map.of("reason", "spam"), mod.access()), 202);

        assertEquals(404, api.getBytes(url, Map.of()).status());
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM media WHERE user_id = ?", author.userId()),
                "the upload is gone, as when the author deletes the tweet");
    }
}
