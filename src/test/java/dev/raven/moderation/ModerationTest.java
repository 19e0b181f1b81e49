package dev.raven.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.raven.support.Social.expect;
import static dev.raven.support.Social.tweetIds;
import static dev.raven.support.Social.userIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports, the moderators' queue and actions, suspension, silence, roles and the audit log. */
@WithServer(social = true)
class ModerationTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    /** Every moderator route, as method and path (id 1 exists or not: the role is checked first). */
    private static final List<String[]> MODERATOR_ROUTES = List.of(
            new String[]{"GET", "/api/moderation/reports/"},
            new String[]{"GET", "/api/moderation/reports/1/"},
            new String[]{"POST", "/api/moderation/reports/1/resolve/"},
            new String[]{"DELETE", "/api/moderation/tweets/1/"},
            new String[]{"DELETE", "/api/moderation/replies/1/"},
            new String[]{"GET", "/api/moderation/users/1/"},
            new String[]{"POST", "/api/moderation/users/1/suspend/"},
            new String[]{"POST", "/api/moderation/users/1/unsuspend/"},
            new String[]{"POST", "/api/moderation/users/1/silence/"},
            new String[]{"POST", "/api/moderation/users/1/unsilence/"},
            new String[]{"GET", "/api/moderation/pending/"},
            new String[]{"POST", "/api/moderation/pending/1/approve/"},
            new String[]{"POST", "/api/moderation/pending/1/reject/"});
    private static final List<String[]> ADMIN_ROUTES = List.of(
            new String[]{"PUT", "/api/moderation/users/1/role/"},
            new String[]{"GET", "/api/moderation/log/"});

    @Test
    void everyModeratorRouteIs401WithoutATokenAnd403ForAPlainUser() {
        TestUser plain = social.user("plain");
        List<String[]> all = new ArrayList<>(MODERATOR_ROUTES);
        all.addAll(ADMIN_ROUTES);
        for (String[] route : all) {
            Api.Res anonymous = api.raw(route[0], route[1], "{\"action\":\"dismiss\",\"role\":\"admin\"}", null);
            assertEquals(401, anonymous.status(), route[0] + " " + route[1] + " " + anonymous);
            Api.Res user = api.raw(route[0], route[1], "{\"action\":\"dismiss\",\"role\":\"admin\"}", plain.access());
            assertEquals(403, user.status(), route[0] + " " + route[1] + " " + user);
            assertEquals("permission_denied", user.json().get("code").asText());
        }
    }

    @Test
    void adminRoutesAre403ForAModerator() {
        TestUser mod = Staff.moderator(social, jdbi, "modonly");
        TestUser target = social.user("target");
        Api.Res role = api.put("/api/moderation/users/" + target.userId() + "/role/", Map.of("role", "moderator"),
                mod.access());
        assertEquals(403, role.status(), role.toString());
        assertEquals(403, api.get("/api/moderation/log/", mod.access()).status());
    }

    @Test
    void aReportIsReceivedAndQueuedWithTheContentAsItWas() {
        TestUser author = social.user("reported");
        TestUser reporter = social.user("reporter");
        TestUser mod = Staff.moderator(social, jdbi, "queue");
        long tweet = social.tweet(author, "rude words");
        Api.Res res = report(reporter, "tweet", tweet, "abuse", "please look");
        assertEquals(201, res.status(), res.toString());
        assertEquals(List.of("message"), keys(res.json()));

        api.put("/api/tweets/manage_tweet/" + tweet + "/", Map.of("content", "nice words"), author.access());
        JsonNode queued = findReport(mod, "tweet", tweet);
        assertEquals("rude words", queued.get("content").asText());
        assertEquals(author.userId(), queued.get("target_user_id").asLong());
        assertEquals(author.username(), queued.get("target_username").asText());
        assertEquals("abuse", queued.get("reason").asText());
        assertEquals("please look", queued.get("comment").asText());
        assertEquals(reporter.username(), queued.get("reporter_username").asText());
        assertEquals("open", queued.get("status").asText());
        assertEquals(200, api.get("/api/moderation/reports/" + queued.get("id").asLong() + "/", mod.access()).status());

        long reply = social.reply(author, tweet, "rude reply");
        assertEquals(201, report(reporter, "reply", reply, "spam", null).status());
        assertEquals("rude reply", findReport(mod, "reply", reply).get("content").asText());
        assertEquals(201, report(reporter, "profile", author.userId(), "other", null).status());
        assertTrue(findReport(mod, "profile", author.userId()).get("content").asText().contains("Alias of"));
    }

    @Test
    void badReportsAre4xx() {
        TestUser author = social.user("rauthor");
        TestUser reporter = social.user("rbad");
        long tweet = social.tweet(author, "x");
        long hidden = social.privateTweet(author, "followers only");
        assertEquals(400, report(reporter, "tweet", tweet, "because", null).status());
        assertEquals(400, report(reporter, "photo", tweet, "spam", null).status());
        assertEquals(400, report(reporter, "tweet", -1, "spam", null).status());
        assertEquals(400, report(reporter, "tweet", tweet, "spam", "x".repeat(1001)).status());
        assertEquals(404, report(reporter, "tweet", 999_999_999L, "spam", null).status());
        assertEquals(404, report(reporter, "tweet", hidden, "spam", null).status());
        assertEquals(404, report(reporter, "reply", 999_999_999L, "spam", null).status());
        assertEquals(404, report(reporter, "profile", 999_999_999L, "spam", null).status());
        assertEquals(400, report(author, "tweet", tweet, "spam", null).status());
        assertEquals(400, api.raw("POST", "/api/moderation/report/", "[1]", reporter.access()).status());
        assertEquals(401, api.post("/api/moderation/report/", Map.of(), null).status());
    }

    @Test
    void resolvingWithDeleteRemovesTheContentAndSettlesTheReport() {
        TestUser author = social.user("deleted");
        TestUser reporter = social.user("dreporter");
        TestUser other = social.user("dreporter2");
        TestUser mod = Staff.moderator(social, jdbi, "deleter");
        long tweet = social.tweet(author, "illegal stuff");
        expect(report(reporter, "tweet", tweet, "illegal", null), 201);
        expect(report(other, "tweet", tweet, "illegal", null), 201);
        long id = findReport(mod, "tweet", tweet).get("id").asLong();
        Api.Res res = api.post("/api/moderation/reports/" + id + "/resolve/", Map.of("action", "delete",
                "reason", "against the rules"), mod.access());
        assertEquals(202, res.status(), res.toString());
        assertEquals("resolved", res.json().get("status").asText());
        assertEquals("delete", res.json().get("resolution").asText());
        assertEquals(404, api.get("/api/tweets/get_tweet/" + tweet + "/", author.access()).status());
        assertEquals(0, social.profileAs(author, author).get("number_of_tweets").asLong());
        // both reports of it left the queue
        assertTrue(openReportsOf(mod, "tweet", tweet).isEmpty());
        Api.Res again = api.post("/api/moderation/reports/" + id + "/resolve/", Map.of("action", "dismiss"), mod.access());
        assertEquals(409, again.status(), again.toString());
        assertEquals("already_resolved", again.json().get("code").asText());
        assertEquals(400, api.post("/api/moderation/reports/" + id + "/resolve/", Map.of("action", "explode"),
                mod.access()).status());
        assertEquals(404, api.post("/api/moderation/reports/999999999/resolve/", Map.of("action", "dismiss"),
                mod.access()).status());

        long reply = social.reply(author, social.tweet(other, "parent"), "bad reply");
        Api.Res deleteReply = api.delete("/api/moderation/replies/" + reply + "/", Map.of("reason", "spam"),
                mod.access());
        assertEquals(202, deleteReply.status(), deleteReply.toString());
        assertEquals(404, api.delete("/api/moderation/replies/" + reply + "/", null, mod.access()).status());
        long t2 = social.tweet(author, "another");
        assertEquals(202, api.delete("/api/moderation/tweets/" + t2 + "/", null, mod.access()).status());
        assertEquals(404, api.delete("/api/moderation/tweets/" + t2 + "/", null, mod.access()).status());
    }

    @Test
    void dismissLeavesTheContent() {
        TestUser author = social.user("kept");
        TestUser reporter = social.user("kreporter");
        TestUser mod = Staff.moderator(social, jdbi, "dismisser");
        long tweet = social.tweet(author, "fine really");
        expect(report(reporter, "tweet", tweet, "spam", null), 201);
        long id = findReport(mod, "tweet", tweet).get("id").asLong();
        expect(api.post("/api/moderation/reports/" + id + "/resolve/", Map.of("action", "dismiss"), mod.access()), 202);
        assertEquals(200, api.get("/api/tweets/get_tweet/" + tweet + "/", reporter.access()).status());
        Api.Res resolved = api.get("/api/moderation/reports/?status=resolved", mod.access());
        assertTrue(resolved.body().contains("\"target_id\":" + tweet));
        assertEquals(400, api.get("/api/moderation/reports/?status=maybe", mod.access()).status());
    }

    @Test
    void suspensionEndsEverySessionAtOnceAndHidesTheirContent() {
        TestUser bad = social.user("suspended");
        TestUser fan = social.user("fan");
        TestUser mod = Staff.moderator(social, jdbi, "suspender");
        social.follow(fan, bad);
        long tweet = social.tweet(bad, "spam spam");
        long reply = social.reply(bad, social.tweet(fan, "fan's tweet"), "spam reply");
        WebClient web = WebClient.signedIn(server, bad);
        assertEquals(200, web.get("/").status());
        assertEquals(202, api.get("/api/auth/user/current_user/", bad.access()).status());

        Api.Res res = api.post("/api/moderation/users/" + bad.userId() + "/suspend/", Map.of("reason", "spam"),
                mod.access());
        assertEquals(202, res.status(), res.toString());
        assertEquals("suspended", res.json().get("status").asText());

        // every session ended: the access token, the refresh token, the browser cookie
        assertEquals(401, api.get("/api/auth/user/current_user/", bad.access()).status());
        assertEquals(401, api.post("/api/auth/refresh_token/", Map.of("refresh", bad.refresh()), null).status());
        WebClient.Page page = web.get("/bookmarks");
        assertEquals(303, page.status(), page.toString());
        // login answers 403 suspended for the right password only
        Api.Res login = api.login(bad.username(), TestUser.PASSWORD);
        assertEquals(403, login.status(), login.toString());
        assertEquals("suspended", login.json().get("code").asText());
        assertEquals(401, api.login(bad.username(), "not-the-password").status());
        // their content is gone for everyone else
        assertEquals(404, api.get("/api/tweets/get_tweet/" + tweet + "/", fan.access()).status());
        assertFalse(tweetIds(api.get("/api/tweets/tweets_list/", fan.access())).contains(tweet));
        assertEquals(404, api.get("/api/profiles/view_profile/" + bad.userId() + "/", fan.access()).status());
        assertFalse(userIds(api.get("/api/profiles/get_following/" + fan.profileId() + "/", fan.access()))
                .contains(bad.userId()));
        assertFalse(api.get("/api/tweets/replies/get_user_tweets_and_replies/" + fan.userId() + "/", fan.access())
                .body().contains("\"reply_id\":" + reply));
        assertEquals(404, social.toggleLike(fan, tweet).status());
        // moderators still see the account
        assertEquals("suspended", api.get("/api/moderation/users/" + bad.userId() + "/", mod.access())
                .json().get("status").asText());

        expect(api.post("/api/moderation/users/" + bad.userId() + "/unsuspend/", null, mod.access()), 202);
        assertEquals(200, api.login(bad.username(), TestUser.PASSWORD).status());
        assertEquals(200, api.get("/api/tweets/get_tweet/" + tweet + "/", fan.access()).status());
    }

    @Test
    void silenceKeepsPostsForFollowersButLeavesExploreSearchAndSuggestions() {
        TestUser loud = social.user("zs_loud");
        TestUser fan = social.user("zs_fan");
        TestUser stranger = social.user("zs_stranger");
        TestUser mod = Staff.moderator(social, jdbi, "silencer");
        social.follow(fan, loud);
        long tweet = social.tweet(loud, "buy now");
        assertTrue(tweetIds(api.get("/api/tweets/get_latest/?limit=100", stranger.access())).contains(tweet));

        Api.Res res = api.post("/api/moderation/users/" + loud.userId() + "/silence/", null, mod.access());
        assertEquals(202, res.status(), res.toString());
        assertTrue(res.json().get("silenced").asBoolean());
        assertTrue(tweetIds(api.get("/api/tweets/tweets_list/", fan.access())).contains(tweet));
        assertEquals(200, api.get("/api/tweets/get_tweet/" + tweet + "/", stranger.access()).status());
        assertFalse(tweetIds(api.get("/api/tweets/get_latest/?limit=100", stranger.access())).contains(tweet));
        assertFalse(tweetIds(api.get("/api/tweets/get_top/?limit=100", stranger.access())).contains(tweet));
        assertFalse(userIds(api.post("/api/profiles/search/", Map.of("search_input", "@zs_loud"), stranger.access()))
                .contains(loud.userId()));
        assertFalse(userIds(api.get("/api/profiles/most_popular/?limit=100", stranger.access())).contains(loud.userId()));
        // the account itself works as before
        assertEquals(202, api.get("/api/auth/user/current_user/", loud.access()).status());

        expect(api.post("/api/moderation/users/" + loud.userId() + "/unsilence/", null, mod.access()), 202);
        assertTrue(tweetIds(api.get("/api/tweets/get_latest/?limit=100", stranger.access())).contains(tweet));
    }

    @Test
    void moderatorsCannotActOnStaffOrThemselves() {
        TestUser mod = Staff.moderator(social, jdbi, "limited");
        TestUser otherMod = Staff.moderator(social, jdbi, "othermod");
        TestUser admin = Staff.admin(social, jdbi, "boss");
        assertEquals(403, api.post("/api/moderation/users/" + otherMod.userId() + "/suspend/", null, mod.access()).status());
        assertEquals(403, api.post("/api/moderation/users/" + admin.userId() + "/silence/", null, mod.access()).status());
        assertEquals(400, api.post("/api/moderation/users/" + mod.userId() + "/suspend/", null, mod.access()).status());
        assertEquals(404, api.post("/api/moderation/users/999999999/suspend/", null, mod.access()).status());
        // an admin may act on a moderator
        assertEquals(202, api.post("/api/moderation/users/" + otherMod.userId() + "/silence/", null,
                admin.access()).status());
    }

    @Test
    void adminsSetRolesAndARevokedRoleStopsWorkingAtOnce() {
        TestUser admin = Staff.admin(social, jdbi, "roler");
        TestUser user = social.user("promoted");
        assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());
        Api.Res res = api.put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "moderator"),
                admin.access());
        assertEquals(202, res.status(), res.toString());
        assertEquals("moderator", res.json().get("role").asText());
        assertEquals(200, api.get("/api/moderation/reports/", user.access()).status());
        expect(api.put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "user"), admin.access()), 202);
        assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());
        assertEquals(400, api.put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "king"),
                admin.access()).status());
        assertEquals(400, api.put("/api/moderation/users/" + admin.userId() + "/role/", Map.of("role", "user"),
                admin.access()).status());
        assertEquals(404, api.put("/api/moderation/users/999999999/role/", Map.of("role", "user"),
                admin.access()).status());
    }

    @Test
    void theAuditLogKeepsWhoDidWhatToWhomWhenAndWhy() {
        TestUser admin = Staff.admin(social, jdbi, "auditor");
        TestUser mod = Staff.moderator(social, jdbi, "actor");
        TestUser target = social.user("logged");
        expect(api.post("/api/moderation/users/" + target.userId() + "/silence/", Map.of("reason", "too loud"),
                mod.access()), 202);
        long tweet = social.tweet(target, "gone soon");
        expect(api.delete("/api/moderation/tweets/" + tweet + "/", Map.of("reason", "off topic"), mod.access()), 202);

        Api.Res log = api.get("/api/moderation/log/", admin.access());
        assertEquals(200, log.status(), log.toString());
        JsonNode delete = log.json().get(0);
        assertEquals("delete_tweet", delete.get("action").asText());
        assertEquals(mod.username(), delete.get("actor_username").asText());
        assertEquals(mod.userId(), delete.get("actor_id").asLong());
        assertEquals("tweet", delete.get("target_type").asText());
        assertEquals(tweet, delete.get("target_id").asLong());
        assertEquals(target.username(), delete.get("target_username").asText());
        assertEquals("off topic", delete.get("reason").asText());
        assertTrue(delete.get("created_at").asText().endsWith("Z"));
        JsonNode silence = log.json().get(1);
        assertEquals("silence", silence.get("action").asText());
        assertEquals("too loud", silence.get("reason").asText());
        assertEquals(target.userId(), silence.get("target_id").asLong());
        Api.Res paged = api.get("/api/moderation/log/?limit=1", admin.access());
        assertEquals(1, paged.json().size());
        assertTrue(paged.header("Link").contains("rel=\"next\""));
    }

    @Test
    void badBodiesOnModeratorRoutesAre400() {
        TestUser mod = Staff.moderator(social, jdbi, "badbody");
        TestUser target = social.user("badtarget");
        assertEquals(400, api.raw("POST", "/api/moderation/users/" + target.userId() + "/suspend/", "{\"reason\":5}",
                mod.access()).status());
        assertEquals(400, api.raw("POST", "/api/moderation/users/" + target.userId() + "/suspend/", "{",
                mod.access()).status());
        assertEquals(400, api.post("/api/moderation/users/" + target.userId() + "/silence/",
                Map.of("reason", "x".repeat(1001)), mod.access()).status());
        assertEquals(400, api.raw("POST", "/api/moderation/reports/1/resolve/", "{}", mod.access()).status());
    }

    private static Api.Res report(TestUser reporter, String type, long id, String reason, String comment) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("target_type", type);
        body.put("target_id", id);
        body.put("reason", reason);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.post("/api/moderation/report/", body, reporter.access());
    }

    private static JsonNode findReport(TestUser mod, String type, long id) {
        List<JsonNode> found = openReportsOf(mod, type, id);
        if (found.isEmpty()) {
            throw new AssertionError("no open report of " + type + " " + id);
        }
        return found.get(0);
    }

    private static List<JsonNode> openReportsOf(TestUser mod, String type, long id) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode r : social.allPages("/api/moderation/reports/?limit=100", mod)) {
            if (r.get("target_type").asText().equals(type) && r.get("target_id").asLong() == id) {
                found.add(r);
            }
        }
        return found;
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
