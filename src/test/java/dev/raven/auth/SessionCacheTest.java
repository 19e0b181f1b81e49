package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the embedded database verified sessions are kept in memory (SessionCache). Each test
 * first uses a token, so that its session is in memory, then ends or changes it in one of
 * the ways there are, and expects the very next request to see the change.
 */
@WithServer(social = true)
class SessionCacheTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    /** Uses the token twice: the second request is answered from memory where the cache is on. */
    static void warm(String access) {
        assertEquals(202, api.get(Auth.CURRENT_USER, access).status());
        assertEquals(202, api.get(Auth.CURRENT_USER, access).status());
    }

    @Test
    void aLoggedOutTokenIsRefusedAtOnce() {
        TestUser user = social.user("cachedbye");
        warm(user.access());

        assertEquals(205, Auth.logout(api, user.refresh(), user.access()).status());

        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, user.access()));
    }

    @Test
    void logoutEverywhereRefusesEveryCachedSession() {
        TestUser user = social.user("cachedall");
        String other = Auth.newSession(api, user).get("access").asText();
        warm(user.access());
        warm(other);

        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, user.access()).status());

        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, user.access()));
        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, other));
    }

    @Test
    void logoutEverywhereEndsACachedBrowserSessionToo() {
        TestUser user = social.user("cachedweb");
        WebClient web = WebClient.signedIn(server, user);
        assertEquals(200, web.get("/bookmarks").status());
        assertEquals(200, web.get("/bookmarks").status());

        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, user.access()).status());

        assertEquals(303, web.get("/bookmarks").status());
    }

    @Test
    void aPasswordChangeRefusesTheOtherCachedSessionsAndKeepsThisOne() {
        TestUser user = social.user("cachedpw");
        String other = Auth.newSession(api, user).get("access").asText();
        warm(user.access());
        warm(other);

        Map<String, Object> body = new HashMap<>();
        body.put("update_password", true);
        body.put("current_password", TestUser.PASSWORD);
        body.put("new_password", "another long secret");
        assertEquals(202, api.put(Auth.EDIT, body, user.access()).status());

        Auth.assertTokenNotValid(api.get(Auth.CURRENT_USER, other));
        assertEquals(202, api.get(Auth.CURRENT_USER, user.access()).status());
    }

    @Test
    void aSuspendedUsersCachedTokenIsRefusedAtOnce() {
        TestUser mod = Staff.moderator(social, jdbi, "cachemod");
        TestUser bad = social.user("cachedbad");
        warm(bad.access());

        Api.Res res = api.post("/api/moderation/users/" + bad.userId() + "/suspend/", Map.of("reason", "spam"),
                mod.access());
        assertEquals(202, res.status(), res.toString());

        assertEquals(401, api.get(Auth.CURRENT_USER, bad.access()).status());
    }

    @Test
    void aRoleGivenOrTakenCountsOnTheNextRequest() {
        TestUser admin = Staff.admin(social, jdbi, "cacheadmin");
        TestUser user = social.user("cachedrole");
        warm(user.access());
        assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());

        assertEquals(202, api.put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "moderator"),
                admin.access()).status());
        assertEquals(200, api.get("/api/moderation/reports/", user.access()).status());

        assertEquals(202, api.put("/api/moderation/users/" + user.userId() + "/role/", Map.of("role", "user"),
                admin.access()).status());
        assertEquals(403, api.get("/api/moderation/reports/", user.access()).status());
    }

    @Test
    void aWriteStraightToTheDatabaseIsSeenToo() {
        TestUser user = social.user("cachedsql");
        warm(user.access());

        jdbi.useTransaction(h -> h.execute("UPDATE users SET is_active = FALSE WHERE id = ?", user.userId()));

        Auth.assertUnauthorized(api.get(Auth.CURRENT_USER, user.access()), "user_not_found");
    }

}
