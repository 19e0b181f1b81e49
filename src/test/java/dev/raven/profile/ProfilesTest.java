package dev.raven.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** view_profile, edit, follow_status, get_followers and get_following. */
@WithServer(social = true)
class ProfilesTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void viewProfileTakesAUserIdAndAnswers202WithTheContractsKeys() {
        TestUser owner = social.user("viewed");
        TestUser other = social.user("viewer");

        Api.Res res = api.get("/api/profiles/view_profile/" + owner.userId() + "/", other.access());
        assertEquals(202, res.status(), res.body());
        JsonNode p = res.json();
        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("username", "id", "user_id", "email", "alias", "bio", "number_of_likes",
                "number_of_tweets", "number_of_tweets_and_replies", "number_of_media", "date_of_birth", "image_url",
                "background_image_url", "date_joined", "following", "number_of_followers", "number_of_following",
                "blocking", "muting"),
                keys);
        assertEquals(owner.profileId(), p.get("id").asLong());
        assertEquals(owner.userId(), p.get("user_id").asLong());
        assertTrue(p.get("email").isNull(), "email is the owner's secret");
        assertTrue(p.get("date_of_birth").isNull());
        assertFalse(p.get("following").asBoolean());

        JsonNode own = social.profileAs(owner, owner);
        assertEquals(owner.username().toLowerCase() + "@example.org", own.get("email").asText());
        assertEquals("1990-05-17", own.get("date_of_birth").asText());
    }

    @Test
    void everyProfileRouteNeedsAToken() {
        for (Api.Res res : List.of(api.get("/api/profiles/view_profile/1/", null),
                api.put("/api/profiles/edit/", Map.of(), null),
                api.put("/api/profiles/follow_status/1/", null, null),
                api.get("/api/profiles/get_followers/1/", null),
                api.get("/api/profiles/get_following/1/", null))) {
            assertEquals(401, res.status(), res.body());
            assertEquals("not_authenticated", res.json().get("code").asText());
        }
    }

    @Test
    void viewProfileOfAMissingUserIs404() {
        TestUser viewer = social.user("seeker");
        assertEquals(404, api.get("/api/profiles/view_profile/999999999/", viewer.access()).status());
        assertEquals(404, api.get("/api/profiles/view_profile/x/", viewer.access()).status());
        assertEquals(401, api.get("/api/profiles/view_profile/1/", null).status());
    }

    @Test
    void editChangesOnlyTheGivenFieldsOfTheCallersOwnProfile() {
        TestUser owner = social.user("editor");
        TestUser victim = social.user("victim");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bio", "Hello there");
        body.put("image_url", "https://img.example/me.png");
        body.put("profile_id", victim.profileId()); // ignored: only one's own profile is edited

        Api.Res res = api.put("/api/profiles/edit/", body, owner.access());
        assertEquals(202, res.status(), res.body());
        assertEquals(owner.profileId(), res.json().get("id").asLong());
        assertEquals("Hello there", res.json().get("bio").asText());
        assertEquals("https://img.example/me.png", res.json().get("image_url").asText());
        assertEquals("Alias of " + owner.username(), res.json().get("alias").asText(), "untouched");
        assertFalse(res.json().get("email").isNull(), "the owner sees their email");

        JsonNode victimProfile = social.profileAs(victim, victim);
        assertEquals("", victimProfile.get("bio").asText());
        assertTrue(victimProfile.get("image_url").isNull());

        res = api.put("/api/profiles/edit/", Map.of("alias", "New name", "image_url", ""), owner.access());
        assertEquals(202, res.status());
        assertEquals("New name", res.json().get("alias").asText());
        assertTrue(res.json().get("image_url").isNull(), "an empty URL clears it");
        assertEquals("Hello there", res.json().get("bio").asText());

        // The new alias and image reach the author fields of tweets.
        long tweet = social.tweet(owner, "hi");
        assertEquals("New name", social.tweetAs(victim, tweet).get("alias").asText());
    }

    @Test
    void editValidatesLikeRegistration() {
        TestUser owner = social.user("strict");
        Api.Res res = api.put("/api/profiles/edit/", Map.of("alias", "a".repeat(51), "bio", "b".repeat(501),
                "image_url", "javascript:x", "background_image_url", "ftp://x.example/y"), owner.access());
        assertEquals(400, res.status());
        assertEquals("invalid", res.json().get("code").asText());
        for (String field : List.of("alias", "bio", "image_url", "background_image_url")) {
            assertTrue(res.json().at("/errors/" + field).isArray(), field + " in " + res.body());
        }
        assertEquals(400, api.put("/api/profiles/edit/", Map.of("bio", 5), owner.access()).status());
        assertEquals(400, api.raw("PUT", "/api/profiles/edit/", "[1,", owner.access()).status());
        assertEquals("Alias of " + owner.username(), social.profileAs(owner, owner).get("alias").asText());
        assertEquals(401, api.put("/api/profiles/edit/", Map.of("bio", "x"), null).status());
    }

    @Test
    void followTogglesWithMessagesFlagsAndCountsForBothSidesAndOnlookers() {
        TestUser fan = social.user("fan");
        TestUser star = social.user("star");
        TestUser third = social.user("third");

        Api.Res on = social.toggleFollow(fan, star);
        assertEquals(202, on.status(), on.body());
        assertEquals("Profile with id " + star.profileId() + " added to following", on.json().get("message").asText());
        assertTrue(social.profileAs(fan, star).get("following").asBoolean());
        assertFalse(social.profileAs(third, star).get("following").asBoolean());
        assertFalse(social.profileAs(star, fan).get("following").asBoolean(), "following is one-way");
        assertEquals(1, social.profileAs(third, star).get("number_of_followers").asLong());
        assertEquals(0, social.profileAs(third, star).get("number_of_following").asLong());
        assertEquals(1, social.profileAs(third, fan).get("number_of_following").asLong());
        assertEquals(0, social.profileAs(third, fan).get("number_of_followers").asLong());

        Api.Res off = social.toggleFollow(fan, star);
        assertEquals(202, off.status());
        assertEquals("Profile with id " + star.profileId() + " removed from following",
                off.json().get("message").asText());
        assertFalse(social.profileAs(fan, star).get("following").asBoolean());
        assertEquals(0, social.profileAs(third, star).get("number_of_followers").asLong());
        assertEquals(0, social.profileAs(third, fan).get("number_of_following").asLong());
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void followingYourselfIs400AndAMissingProfileIs404() {
        TestUser me = social.user("narcissus");
        Api.Res self = social.toggleFollow(me, me);
        assertEquals(400, self.status());
        assertEquals("bad_request", self.json().get("code").asText());
        assertEquals(0, social.profileAs(me, me).get("number_of_followers").asLong());

        Api.Res missing = api.put("/api/profiles/follow_status/999999999/", null, me.access());
        assertEquals(404, missing.status());
        assertEquals(401, api.put("/api/profiles/follow_status/" + me.profileId() + "/", null, null).status());
    }

    @Test
    void followRoutesTakeProfileIdsNotUserIds() {
        TestUser fan = social.user("pidfan");
        TestUser star = social.user("pidstar");
        assertTrue(star.profileId() != star.userId(), "the test server keeps the two apart");
        assertEquals(404, api.put("/api/profiles/follow_status/" + star.userId() + "/", null, fan.access()).status());
        assertEquals(404, api.get("/api/profiles/get_followers/" + star.userId() + "/", fan.access()).status());
        assertEquals(404, api.get("/api/profiles/view_profile/" + star.profileId() + "/", fan.access()).status());
        Api.Res on = api.put("/api/profiles/follow_status/" + star.profileId() + "/", null, fan.access());
        assertTrue(on.json().get("message").asText().contains("id " + star.profileId() + " "));
        Api.Res followers = api.get("/api/profiles/get_followers/" + star.profileId() + "/", fan.access());
        assertEquals(List.of(fan.profileId()), ids(followers.json()));
    }

    @Test
    void followerAndFollowingListsAreBriefsNewestFirstWithRelated() {
        TestUser star = social.user("celebrity");
        TestUser viewer = social.user("curious");
        TestUser a = social.user("fa");
        TestUser b = social.user("fb");
        TestUser c = social.user("fc");
        social.follow(a, star);
        social.follow(b, star);
        social.follow(c, star);
        social.follow(viewer, a);
        social.follow(viewer, c);
        social.follow(star, a);

        Api.Res followers = api.get("/api/profiles/get_followers/" + star.profileId() + "/", viewer.access());
        assertEquals(200, followers.status(), followers.body());
        assertEquals(List.of(c.profileId(), b.profileId(), a.profileId()), ids(followers.json()));
        JsonNode briefA = followers.json().get(2);
        assertEquals(a.username(), briefA.get("username").asText());
        assertEquals(2, briefA.get("number_of_followers").asLong()); // star and viewer
        assertEquals(List.of(), ids(briefA.get("related")), "the viewer follows none of a's other followers");

        // related of the star = its followers whom the viewer follows: c then a (the viewer's newest follow first).
        Api.Res following = api.get("/api/profiles/get_following/" + viewer.profileId() + "/", viewer.access());
        assertEquals(List.of(c.profileId(), a.profileId()), ids(following.json()));
        Api.Res starFollowing = api.get("/api/profiles/get_following/" + star.profileId() + "/", viewer.access());
        assertEquals(List.of(a.profileId()), ids(starFollowing.json()));
        Api.Res fansOfA = api.get("/api/profiles/get_following/" + a.profileId() + "/", viewer.access());
        JsonNode starBrief = fansOfA.json().get(0);
        assertEquals(star.profileId(), starBrief.get("id").asLong());
        assertEquals(List.of(c.profileId(), a.profileId()), ids(starBrief.get("related")));
        assertEquals(c.username(), starBrief.at("/related/0/username").asText());

        Api.Res none = api.get("/api/profiles/get_following/" + b.profileId() + "/", viewer.access());
        assertEquals(1, none.json().size());
        assertEquals(404, api.get("/api/profiles/get_followers/999999999/", viewer.access()).status());
        assertEquals(404, api.get("/api/profiles/get_following/999999999/", viewer.access()).status());
    }

    @Test
    void relatedIsBoundedToThree() {
        TestUser star = social.user("bounded");
        TestUser viewer = social.user("boundviewer");
        for (int i = 0; i < 5; i++) {
            TestUser f = social.user("bf");
            social.follow(f, star);
            social.follow(viewer, f);
        }
        social.follow(viewer, star);
        Api.Res following = api.get("/api/profiles/get_following/" + viewer.profileId() + "/?limit=1", viewer.access());
        JsonNode starBrief = following.json().get(0);
        assertEquals(star.profileId(), starBrief.get("id").asLong());
        assertEquals(3, starBrief.get("related").size());
        assertEquals(6, social.profileAs(viewer, viewer).get("number_of_following").asLong());
    }

    static List<Long> ids(JsonNode briefs) {
        List<Long> ids = new ArrayList<>();
        briefs.forEach(b -> ids.add(b.get("id").asLong()));
        return ids;
    }
}
