package dev.raven.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** registration.mode=invite: codes with a use limit and an expiry; admins create them (users may not, by default). */
@WithServer({"registration.mode=invite", "ratelimit.enabled=false"})
class InviteRegistrationTest {
    static TestServer server;
    static Api api;
    static Jdbi jdbi;

    @Test
    void theInstanceSaysSignUpNeedsAnInvite() {
        JsonNode info = api.get("/api/instance/", null).json();
        assertEquals("invite", info.at("/registration/mode").asText());
        assertFalse(info.at("/registration/invites_by_users").asBoolean());
    }

    @Test
    void aCodeAdmitsAsManyAsItsLimitAllows() {
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("Admin"), "admin");
        Api.Res created = api.post("/api/invites/", Map.of("max_uses", 2, "expires_in_days", 3), admin.access());
        assertEquals(201, created.status(), created.toString());
        String code = created.json().get("code").asText();
        assertEquals(2, created.json().get("max_uses").asInt());
        assertEquals(0, created.json().get("uses").asInt());
        Instant expires = Instant.parse(created.json().get("expires_at").asText());
        assertTrue(expires.isAfter(Instant.now().plusSeconds(2 * 86400)));

        assertEquals(201, register(Api.uniqueName("One"), code).status());
        assertEquals(201, register(Api.uniqueName("Two"), code).status());
        Api.Res third = register(Api.uniqueName("Three"), code);
        assertEquals(400, third.status(), third.toString());
        assertTrue(third.json().at("/errors/invite_code").isArray(), third.toString());

        Api.Res mine = api.get("/api/invites/", admin.access());
        assertEquals(200, mine.status());
        assertEquals(2, mine.json().get(0).get("uses").asInt());
    }

    @Test
    void registerWithoutAValidCodeIs400AndSpendsNothing() {
        Api.Res none = api.post("/api/auth/user/register/", Api.registration(Api.uniqueName("NoCode"), TestUser.PASSWORD),
                null);
        assertEquals(400, none.status(), none.toString());
        assertEquals("invalid", none.json().get("code").asText());
        assertTrue(none.json().at("/errors/invite_code").isArray());
        assertEquals(400, register(Api.uniqueName("Bad"), "NOSUCHCODE").status());

        // an expired code
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO invites (code, max_uses, expires_at, created_at) "
                + "VALUES ('EXPIRED1', 5, :past, :past)").bind("past", Instant.now().minusSeconds(60)).execute());
        assertEquals(400, register(Api.uniqueName("Late"), "EXPIRED1").status());

        // a registration that fails on another rule does not spend a use
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("Admin"), "admin");
        String code = api.post("/api/invites/", Map.of(), admin.access()).json().get("code").asText();
        String taken = Api.uniqueName("Taken");
        assertEquals(201, register(taken, code).status());
        String code2 = api.post("/api/invites/", Map.of(), admin.access()).json().get("code").asText();
        Map<String, Object> dup = Api.registration(taken, TestUser.PASSWORD);
        dup.put("invite_code", code2);
        assertEquals(409, api.post("/api/auth/user/register/", dup, null).status());
        assertEquals(201, register(Api.uniqueName("Later"), code2).status());
    }

    @Test
    void plainUsersCannotCreateInvitesHereAndOnlySeeTheirOwn() {
        TestUser user = Staff.account(api, jdbi, Api.uniqueName("Plain"), "user");
        Api.Res res = api.post("/api/invites/", Map.of(), user.access());
        assertEquals(403, res.status(), res.toString());
        assertEquals("permission_denied", res.json().get("code").asText());
        assertEquals(0, api.get("/api/invites/", user.access()).json().size());
        assertEquals(401, api.post("/api/invites/", Map.of(), null).status());
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("Admin"), "admin");
        long id = api.post("/api/invites/", Map.of(), admin.access()).json().get("id").asLong();
        assertEquals(404, api.delete("/api/invites/" + id + "/", null, user.access()).status());
        assertEquals(202, api.delete("/api/invites/" + id + "/", null, admin.access()).status());
        assertEquals(404, api.delete("/api/invites/" + id + "/", null, admin.access()).status());
    }

    @Test
    void inviteLimitsAreChecked() {
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("Admin"), "admin");
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("max_uses", 0),
                Map.of("max_uses", 1001), Map.of("expires_in_days", 0), Map.of("expires_in_days", 366),
                Map.of("max_uses", "two"))) {
            Api.Res res = api.post("/api/invites/", bad, admin.access());
            assertEquals(400, res.status(), bad + " " + res);
        }
    }

    @Test
    void theSignUpPageAsksForTheCode() {
        TestUser admin = Staff.account(api, jdbi, Api.uniqueName("Admin"), "admin");
        String code = api.post("/api/invites/", Map.of(), admin.access()).json().get("code").asText();
        WebClient web = WebClient.of(server);
        assertTrue(web.get("/signup").body().contains("name=\"invite_code\""));
        String name = Api.uniqueName("WebInvited");
        WebClient.Page bad = web.post("/signup", form(name, "WRONG"));
        assertEquals(422, bad.status(), bad.body());
        WebClient.Page ok = web.post("/signup", form(name, code));
        assertEquals(303, ok.status(), ok.body());
    }

    private static Map<String, String> form(String name, String code) {
        return Map.of("username", name, "alias", "W", "email", name.toLowerCase() + "@example.org",
                "date_of_birth", "1990-05-17", "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD,
                "invite_code", code);
    }

    private static Api.Res register(String name, String code) {
        Map<String, Object> body = Api.registration(name, TestUser.PASSWORD);
        body.put("invite_code", code);
        return api.post("/api/auth/user/register/", body, null);
    }
}
