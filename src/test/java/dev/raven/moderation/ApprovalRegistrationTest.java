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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** registration.mode=approval: 202 without tokens, 403 awaiting_approval for the right password only, approve/reject. */
@WithServer({"registration.mode=approval", "ratelimit.enabled=false"})
class ApprovalRegistrationTest {
    static TestServer server;
    static Api api;
    static Jdbi jdbi;

    @Test
    void theInstanceSaysSignUpNeedsApproval() {
        JsonNode info = api.get("/api/instance/", null).json();
        assertEquals("approval", info.at("/registration/mode").asText());
    }

    @Test
    void registerAnswers202WithoutTokensAndTheAccountCannotLogInUntilApproved() {
        TestUser mod = Staff.account(api, jdbi, Api.uniqueName("Mod"), "moderator");
        String name = Api.uniqueName("Applicant");
        Map<String, Object> body = Api.registration(name, TestUser.PASSWORD);
        body.put("reason", "I run the chess club");
        Api.Res res = api.post("/api/auth/user/register/", body, null);
        assertEquals(202, res.status(), res.toString());
        assertFalse(res.json().has("tokens"));
        assertTrue(res.json().get("message").asText().contains("moderator"));
        assertEquals(name, res.json().get("username").asText());

        Api.Res right = api.login(name, TestUser.PASSWORD);
        assertEquals(403, right.status(), right.toString());
        assertEquals("awaiting_approval", right.json().get("code").asText());
        Api.Res wrong = api.login(name, "wrong-password-here");
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("not_authenticated", wrong.json().get("code").asText());

        // the moderators' list shows it with its reason
        Api.Res pending = api.get("/api/moderation/pending/", mod.access());
        assertEquals(200, pending.status(), pending.toString());
        JsonNode mine = find(pending.json(), name);
        assertEquals("I run the chess club", mine.get("join_reason").asText());
        assertEquals("pending", mine.get("status").asText());

        Api.Res approve = api.post("/api/moderation/pending/" + mine.get("user_id").asLong() + "/approve/", null,
                mod.access());
        assertEquals(202, approve.status(), approve.toString());
        assertEquals(200, api.login(name, TestUser.PASSWORD).status());
        Api.Res twice = api.post("/api/moderation/pending/" + mine.get("user_id").asLong() + "/approve/", null,
                mod.access());
        assertEquals(409, twice.status(), twice.toString());
        assertEquals("not_pending", twice.json().get("code").asText());
    }

    @Test
    void rejectionDeletesTheRequest() {
        TestUser mod = Staff.account(api, jdbi, Api.uniqueName("Mod"), "moderator");
        String name = Api.uniqueName("Spammer");
        assertEquals(202, api.post("/api/auth/user/register/", Api.registration(name, TestUser.PASSWORD), null).status());
        long id = find(api.get("/api/moderation/pending/", mod.access()).json(), name).get("user_id").asLong();
        Api.Res reject = api.post("/api/moderation/pending/" + id + "/reject/", Map.of("reason", "spam"), mod.access());
        assertEquals(202, reject.status(), reject.toString());
        assertEquals(401, api.login(name, TestUser.PASSWORD).status());
        assertEquals(404, api.post("/api/moderation/pending/" + id + "/reject/", null, mod.access()).status());
        // the name is free again
        assertEquals(202, api.post("/api/auth/user/register/", Api.registration(name, TestUser.PASSWORD), null).status());
    }

    @Test
    void plainUsersCannotSeeOrApprovePendingAccounts() {
        TestUser plain = Staff.account(api, jdbi, Api.uniqueName("Plain"), "user");
        Api.Res list = api.get("/api/moderation/pending/", plain.access());
        assertEquals(403, list.status(), list.toString());
        assertEquals("permission_denied", list.json().get("code").asText());
        assertEquals(403, api.post("/api/moderation/pending/1/approve/", null, plain.access()).status());
        assertEquals(401, api.get("/api/moderation/pending/", null).status());
    }

    @Test
    void theSignUpPageAsksForAReasonAndSaysWhatHappensNext() {
        WebClient web = WebClient.of(server);
        WebClient.Page form = web.get("/signup");
        assertTrue(form.body().contains("name=\"reason\""), form.body());
        String name = Api.uniqueName("WebApplicant");
        WebClient.Page done = web.post("/signup", Map.of("username", name, "alias", "W",
                "email", name.toLowerCase() + "@example.org", "date_of_birth", "1990-05-17",
                "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD, "reason", "hello"));
        assertEquals(202, done.status(), done.body());
        assertTrue(done.body().contains("moderator will review"), done.body());
        assertEquals(null, web.session());
        WebClient.Page login = WebClient.of(server).post("/login", Map.of("username", name, "password", TestUser.PASSWORD));
        assertEquals(403, login.status());
        assertTrue(login.body().contains("waiting for a moderator"), login.body());
    }

    private static JsonNode find(JsonNode list, String username) {
        for (JsonNode n : list) {
            if (n.get("username").asText().equals(username)) {
                return n;
            }
        }
        throw new AssertionError(username + " not in " + list);
    }
}
