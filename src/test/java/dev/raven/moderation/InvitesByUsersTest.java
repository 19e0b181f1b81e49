package dev.raven.moderation;

import dev.raven.support.Api;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** registration.invites.by.users=true: every user may invite; each sees and deletes only their own codes. */
@WithServer({"registration.mode=invite", "registration.invites.by.users=true", "ratelimit.enabled=false"})
class InvitesByUsersTest {
    static TestServer server;
    static Api api;
    static Jdbi jdbi;

    @Test
    void plainUsersInviteAndSeeOnlyTheirOwnCodes() {
        assertTrue(api.get("/api/instance/", null).json().at("/registration/invites_by_users").asBoolean());
        TestUser ann = Staff.account(api, jdbi, Api.uniqueName("Ann"), "user");
        TestUser ben = Staff.account(api, jdbi, Api.uniqueName("Ben"), "user");
        Api.Res created = api.post("/api/invites/", Map.of(), ann.access());
        assertEquals(201, created.status(), created.toString());
        assertEquals(1, created.json().get("max_uses").asInt());
        assertEquals(ann.username(), created.json().get("created_by_username").asText());
        long id = created.json().get("id").asLong();
        assertEquals(1, api.get("/api/invites/", ann.access()).json().size());
        assertEquals(0, api.get("/api/invites/", ben.access()).json().size());
        assertEquals(404, api.delete("/api/invites/" + id + "/", null, ben.access()).status());

        Map<String, Object> body = Api.registration(Api.uniqueName("Friend"), TestUser.PASSWORD);
        body.put("invite_code", created.json().get("code").asText());
        assertEquals(201, api.post("/api/auth/user/register/", body, null).status());
        assertEquals(202, api.delete("/api/invites/" + id + "/", null, ann.access()).status());
    }
}
