package dev.raven.explore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * most_popular, who_to_follow and search. Users of this class are made with names that
 * the search tests can rely on; no test here but most_popular's gives anyone more than
 * three followers, so its stars are the most followed on this server.
 */
@WithServer(social = true)
class ProfileDiscoveryTest {
    static final String POPULAR = "/api/profiles/most_popular/";
    static final String WHO = "/api/profiles/who_to_follow/";
    static final String SEARCH = "/api/profiles/search/";

    static TestServer server;
    static Api api;
    static Social social;

    static TestUser named(String username) {
        return api.register(username);
    }

    static List<Long> userIds(Api.Res res) {
        Social.expect(res, 200);
        List<Long> ids = new ArrayList<>();
        res.json().forEach(b -> ids.add(b.get("user_id").asLong()));
        return ids;
    }

    static List<String> usernames(Api.Res res) {
        Social.expect(res, 200);
        List<String> names = new ArrayList<>();
        res.json().forEach(b -> names.add(b.get("username").asText()));
        return names;
    }

    Api.Res search(TestUser viewer, Object input) {
        Map<String, Object> body = new HashMap<>();
        body.put("search_input", input);
        return api.post(SEARCH, body, viewer.access());
    }

    @Test
    void mostPopularIsTheTop10ByFollowersLeavingOutTheViewerAndWhomTheyFollow() {
        TestUser viewer = social.user("popviewer");
        TestUser first = social.user("star1");
        TestUser followedStar = social.user("star2");
        TestUser second = social.user("star3");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestUser fan = social.user("popfan");
            fans.add(fan);
            social.follow(fan, first);
            if (i < 11) {
                social.follow(fan, followedStar);
            }
            if (i < 10) {
                social.follow(fan, second);
            }
        }
        social.follow(viewer, followedStar);
        social.follow(first, viewer); // being followed back changes nothing: the viewer is never listed

        Api.Res res = api.get(POPULAR, viewer.access());
        List<Long> ids = userIds(res);
        assertEquals(10, ids.size(), "the top 10");
        assertEquals(List.of(first.userId(), second.userId()), ids.subList(0, 2));
        assertFalse(ids.contains(viewer.userId()));
        assertFalse(ids.contains(followedStar.userId()));
        List<Long> followers = new ArrayList<>();
        res.json().forEach(b -> followers.add(b.get("number_of_followers").asLong()));
        for (int i = 1; i < followers.size(); i++) {
            assertTrue(followers.get(i - 1) >= followers.get(i), "by followers: " + followers);
        }
        JsonNode top = res.json().get(0);
        assertEquals(first.profileId(), top.get("id").asLong());
        assertEquals(12, top.get("number_of_followers").asLong());
        assertTrue(top.get("related").isArray());

        assertEquals(List.of(first.userId()), userIds(api.get(POPULAR + "?limit=1", viewer.access())));
        assertEquals(400, api.get(POPULAR + "?limit=0", viewer.access()).status());
        assertEquals(401, api.get(POPULAR, null).status());
        assertEquals(List.of(followedStar.userId(), second.userId()),
                userIds(api.get(POPULAR, fans.get(11).access())).subList(0, 2),
                "this fan follows only star1, whom the viewer does not follow");
    }

    @Test
    void whoToFollowRanksByHowManyOfTheFollowedFollowThem() {
        TestUser me = social.user("wtfme");
        TestUser a = social.user("wtfa");
        TestUser b = social.user("wtfb");
        TestUser c = social.user("wtfc");
        TestUser x = social.user("wtfx");
        TestUser y = social.user("wtfy");
        TestUser q = social.user("wtfq");
        TestUser w = social.user("wtfw");
        TestUser outsider = social.user("wtfo");
        for (int i = 0; i < 6; i++) {
            social.user("wtfextra"); // enough other users to top the list up to 10
        }
        for (TestUser followed : List.of(a, b, c)) {
            social.follow(me, followed);
            social.follow(followed, x);          // x: followed by 3 of them
        }
        social.follow(a, y);
        social.follow(b, y);                      // y: 2, with 2 followers
        social.follow(a, q);
        social.follow(c, q);
        social.follow(outsider, q);               // q: 2, with 3 followers: before y
        social.follow(c, w);                      // w: 1
        social.follow(c, me);                     // the viewer is never suggested
        social.follow(a, b);                      // nor anyone already followed

        Api.Res res = api.get(WHO + "?limit=4", me.access());
        assertEquals(List.of(x.userId(), q.userId(), y.userId(), w.userId()), userIds(res));
        JsonNode best = res.json().get(0);
        assertEquals(Set.of(a.profileId(), b.profileId(), c.profileId()), Set.of(
                best.at("/related/0/id").asLong(), best.at("/related/1/id").asLong(),
                best.at("/related/2/id").asLong()), "related: the followers of x whom the viewer follows");

        List<Long> full = userIds(api.get(WHO, me.access()));
        assertEquals(10, full.size(), "topped up with the most followed");
        assertEquals(List.of(x.userId(), q.userId(), y.userId(), w.userId()), full.subList(0, 4));
        for (TestUser excluded : List.of(me, a, b, c)) {
            assertFalse(full.contains(excluded.userId()), excluded.username());
        }
        assertEquals(full.size(), Set.copyOf(full).size(), "no one twice");
        assertEquals(401, api.get(WHO, null).status());
        assertEquals(400, api.get(WHO + "?limit=abc", me.access()).status());
    }

    @Test
    void whoToFollowFallsBackToTheMostFollowed() {
        TestUser loner = social.user("loner");
        assertEquals(userIds(api.get(POPULAR, loner.access())), userIds(api.get(WHO, loner.access())),
                "following nobody");

        TestUser hermit = social.user("hermit");
        TestUser friend = social.user("hermitfriend");
        social.follow(hermit, friend);
        social.follow(friend, hermit); // the only one the friend follows is the hermit
        List<Long> suggested = userIds(api.get(WHO, hermit.access()));
        assertEquals(userIds(api.get(POPULAR, hermit.access())), suggested, "nothing found through follows");
        assertFalse(suggested.contains(friend.userId()));
    }

    @Test
    void searchRanksExactThenPrefixThenSubstringThenFollowers() {
        TestUser viewer = social.user("seeker");
        TestUser kite = named("kite");
        TestUser kiteboard = named("kiteboard");
        TestUser skite = named("skite");
        TestUser akite = named("akite");
        TestUser runner = named("zz9");
        Social.expect(api.put("/api/profiles/edit/", Map.of("alias", "Kite Runner"), runner.access()), 202);
        social.follow(viewer, skite);
        social.follow(akite, skite);
        social.follow(viewer, runner);

        List<String> byName = List.of("kite", "zz9", "kiteboard", "skite", "akite");
        assertEquals(byName, usernames(search(viewer, "kite")));
        assertEquals(byName, usernames(search(viewer, "KiTe")), "case-insensitive");
        assertEquals(byName, usernames(search(viewer, "  kite ")));
        assertEquals(List.of("kite", "kiteboard", "skite", "akite"), usernames(search(viewer, "@kite")),
                "@ searches usernames only");
        assertEquals(List.of("zz9"), usernames(search(viewer, "runner")));
        assertEquals(List.of(), usernames(search(viewer, "@runner")));
        assertEquals(List.of("kite", "zz9"), usernames(api.post(SEARCH + "?limit=2", Map.of("search_input", "kite"),
                viewer.access())));

        JsonNode brief = search(viewer, "@akite").json().get(0);
        List<String> keys = new ArrayList<>();
        brief.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "user_id", "alias", "username", "number_of_followers", "image_url", "related"), keys);
        assertEquals(akite.profileId(), brief.get("id").asLong());
        assertEquals(kite.userId(), search(viewer, "@KITE").json().get(0).get("user_id").asLong());
        assertEquals(kiteboard.userId(), search(viewer, "@kiteb").json().get(0).get("user_id").asLong());
    }

    @Test
    void wildcardCharactersInTheInputMatchThemselves() {
        TestUser viewer = social.user("literal");
        named("under_score");
        named("underxscore");
        TestUser cotton = named("cotton");
        TestUser plain = named("plaincotton");
        TestUser bang = named("bang");
        Social.expect(api.put("/api/profiles/edit/", Map.of("alias", "100% cotton"), cotton.access()), 202);
        Social.expect(api.put("/api/profiles/edit/", Map.of("alias", "1000 cotton"), plain.access()), 202);
        Social.expect(api.put("/api/profiles/edit/", Map.of("alias", "Hey!"), bang.access()), 202);

        assertEquals(List.of("under_score"), usernames(search(viewer, "@r_s")));
        assertEquals(List.of("under_score"), usernames(search(viewer, "r_s")));
        assertEquals(List.of("cotton"), usernames(search(viewer, "0%")));
        assertEquals(List.of("cotton"), usernames(search(viewer, "100% c")));
        assertEquals(List.of("cotton"), usernames(search(viewer, "%")));
        assertEquals(List.of(), usernames(search(viewer, "@%")));
        assertEquals(List.of("bang"), usernames(search(viewer, "hey!")));
        assertEquals(List.of(), usernames(search(viewer, "!%")));
    }

    @Test
    void emptyOrMalformedSearchInputIs400() {
        TestUser viewer = social.user("blank");
        for (Object input : new Object[] {"", "   ", "@", " @  ", null}) {
            Api.Res res = search(viewer, input);
            assertEquals(400, res.status(), input + " -> " + res.body());
            assertEquals("invalid", res.json().get("code").asText());
            assertTrue(res.json().get("errors").has("search_input"), res.body());
        }
        assertEquals(400, api.post(SEARCH, Map.of(), viewer.access()).status());
        assertEquals(400, search(viewer, 42).status());
        assertEquals(400, search(viewer, List.of("a")).status());
        assertEquals(400, api.raw("POST", SEARCH, "{\"search_input\": ", viewer.access()).status());
        assertEquals(400, search(viewer, "x".repeat(101)).status());
        assertEquals(200, search(viewer, "x".repeat(100)).status());
        assertEquals(400, api.post(SEARCH + "?limit=500", Map.of("search_input", "a"), viewer.access()).status());
        assertEquals(401, api.post(SEARCH, Map.of("search_input", "a"), null).status());
    }
}
