package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithServer("ratelimit.enabled=false")
class EditUserTest {
    private static final String NEW_PASSWORD = "a-brand-new-secret";

    static TestServer server;
    static Api api;

    static Api.Res edit(Map<String, ?> body, String access) {
        return api.put(Auth.EDIT, body, access);
    }

    static Map<String, Object> passwordChange(String current, String next) {
        Map<String, Object> body = new HashMap<>();
        body.put("update_password", true);
        body.put("current_password", current);
        body.put("new_password", next);
        return body;
    }

    static void assertInvalid(Api.Res res, String field) {
        assertEquals(400, res.status(), res.toString());
        assertTrue(res.json().path("errors").has(field), "expected an error for " + field + ": " + res);
    }

    @Test
    void changingTheUsernameAnswers202WithExactlyUsernameEmailAndMode() {
        TestUser user = api.register(Api.uniqueName("Rename"));
        String newName = Api.uniqueName("Renamed");

        Api.Res res = edit(Map.of("username", newName), user.access());

        assertEquals(202, res.status(), res.toString());
        assertEquals(Set.of("username", "email", "mode"), Auth.keys(res.json()));
        assertEquals(newName, res.json().get("username").asText());
        assertEquals(user.username().toLowerCase() + "@example.org", res.json().get("email").asText());
        assertEquals("light", res.json().get("mode").asText());
        assertEquals(newName, Auth.currentUser(api, user.access()).json().get("username").asText());
    }

    @Test
    void afterARenameTheNewNameLogsInAndTheOldOneDoesNot() {
        TestUser user = api.register(Api.uniqueName("OldName"));
        String newName = Api.uniqueName("NewName");
        assertEquals(202, edit(Map.of("username", newName), user.access()).status());

        assertEquals(200, api.login(newName, TestUser.PASSWORD).status());
        assertEquals(401, api.login(user.username(), TestUser.PASSWORD).status());
        Map<String, Object> again = Api.registration(user.username(), TestUser.PASSWORD);
        again.put("email", "second_" + user.username().toLowerCase() + "@example.org");
        assertEquals(201, api.post(Auth.REGISTER, again, null).status(), "the old name is free again");
    }

    @Test
    void changingEmailAndModeIsReflectedInCurrentUser() {
        TestUser user = api.register(Api.uniqueName("Prefs"));
        String email = Api.uniqueName("new").toLowerCase() + "@mail.example";

        Api.Res res = edit(Map.of("email", email, "mode", "dark"), user.access());

        assertEquals(202, res.status(), res.toString());
        assertEquals(email, res.json().get("email").asText());
        assertEquals("dark", res.json().get("mode").asText());
        JsonNode me = Auth.currentUser(api, user.access()).json();
        assertEquals(email, me.get("email").asText());
        assertEquals("dark", me.get("mode").asText());
        assertEquals(user.username(), me.get("username").asText());
    }

    @Test
    void anEmptyEditChangesNothingAndAnswersTheCurrentSettings() {
        TestUser user = api.register(Api.uniqueName("Nothing"));

        Api.Res res = edit(Map.of(), user.access());

        assertEquals(202, res.status(), res.toString());
        assertEquals(user.username(), res.json().get("username").asText());
        assertEquals("light", res.json().get("mode").asText());
    }

    @Test
    void changingOnlyTheCaseOfOnesOwnUsernameIsAllowed() {
        TestUser user = api.register(Api.uniqueName("casey"));
        Api.Res res = edit(Map.of("username", user.username().toUpperCase()), user.access());
        assertEquals(202, res.status(), res.toString());
        assertEquals(user.username().toUpperCase(), res.json().get("username").asText());
    }

    @Test
    void aUsernameTakenByAnotherUserIs409IgnoringCase() {
        TestUser user = api.register(Api.uniqueName("Wants"));
        TestUser owner = api.register(Api.uniqueName("Owns"));

        Api.Res res = edit(Map.of("username", owner.username().toLowerCase()), user.access());

        assertEquals(409, res.status(), res.toString());
        assertEquals("Username already exists", res.json().get("message").asText());
        assertEquals(user.username(), Auth.currentUser(api, user.access()).json().get("username").asText());
    }

    @Test
    void anEmailTakenByAnotherUserIs409IgnoringCase() {
        TestUser user = api.register(Api.uniqueName("WantsMail"));
        TestUser owner = api.register(Api.uniqueName("OwnsMail"));

        Api.Res res = edit(Map.of("email", owner.username().toUpperCase() + "@Example.ORG"), user.access());

        assertEquals(409, res.status(), res.toString());
        assertEquals("Email already exists", res.json().get("message").asText());
    }

    @Test
    void invalidUsernameEmailOrModeIs400() {
        TestUser user = api.register(Api.uniqueName("Invalid"));
        assertInvalid(edit(Map.of("username", "no spaces allowed"), user.access()), "username");
        assertInvalid(edit(Map.of("username", ""), user.access()), "username");
        assertInvalid(edit(Map.of("email", "nope"), user.access()), "email");
        assertInvalid(edit(Map.of("mode", "m".repeat(21)), user.access()), "mode");
        assertInvalid(edit(Map.of("mode", " "), user.access()), "mode");
        assertEquals(202, edit(Map.of("mode", "m".repeat(20)), user.access()).status());
    }

    @Test
    void theModeLimitCountsCharactersNotUtf16Units() {
        TestUser user = api.register(Api.uniqueName("EmojiMode"));

        Api.Res res = edit(Map.of("mode", "🌙".repeat(20)), user.access());

        assertEquals(202, res.status(), res.toString());
        assertEquals("🌙".repeat(20), Auth.currentUser(api, user.access()).json().get("mode").asText());
        assertInvalid(edit(Map.of("mode", "🌙".repeat(21)), user.access()), "mode");
    }

    @Test
    void wrongJsonTypesAreA400() {
        TestUser user = api.register(Api.uniqueName("Types"));
        assertInvalid(edit(Map.of("username", 5), user.access()), "username");
        assertInvalid(edit(Map.of("update_password", "yes"), user.access()), "update_password");
        assertInvalid(edit(Map.of("mode", false), user.access()), "mode");
        assertEquals(400, api.raw("PUT", Auth.EDIT, "{\"mode\": \"dark\"", user.access()).status());
        assertEquals("light", Auth.currentUser(api, user.access()).json().get("mode").asText());
    }

    @Test
    void editNeedsAnAccessToken() {
        Auth.assertUnauthorized(edit(Map.of("mode", "dark"), null), "not_authenticated");
    }

    @Test
    void aPasswordOnlyChangeAnswers202WithTheAccountItsProfileAndFreshTokens() {
        TestUser user = api.register(Api.uniqueName("NewPass"));

        Api.Res res = edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access());

        assertEquals(202, res.status(), res.toString());
        JsonNode json = res.json();
        assertEquals(Set.of("email", "username", "profile", "tokens"), Auth.keys(json));
        assertEquals(user.username(), json.get("username").asText());
        assertEquals(user.username().toLowerCase() + "@example.org", json.get("email").asText());
        assertEquals(Auth.PROFILE_KEYS, Auth.keys(json.get("profile")));
        assertEquals(user.profileId(), json.at("/profile/id").asLong());
        assertEquals(Set.of("refresh", "access"), Auth.keys(json.get("tokens")));
        assertNotEquals(user.refresh(), json.at("/tokens/refresh").asText());
    }

    @Test
    void afterAPasswordChangeTheNewPasswordLogsInAndTheOldOneDoesNot() {
        TestUser user = api.register(Api.uniqueName("Login"));
        assertEquals(202, edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access()).status());

        assertEquals(200, api.login(user.username(), NEW_PASSWORD).status());
        assertEquals(401, api.login(user.username(), TestUser.PASSWORD).status());
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAtOnce() {
        TestUser user = api.register(Api.uniqueName("Others"));
        JsonNode phone = Auth.newSession(api, user);
        JsonNode laptop = Auth.newSession(api, user);

        assertEquals(202, edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access()).status());

        for (JsonNode other : new JsonNode[]{phone, laptop}) {
            Auth.assertTokenNotValid(Auth.currentUser(api, other.get("access").asText()));
            Auth.assertTokenNotValid(Auth.refresh(api, other.get("refresh").asText()));
        }
    }

    @Test
    void aPasswordChangeKeepsTheCallersSessionAndItsReturnedTokensWorking() {
        TestUser user = api.register(Api.uniqueName("Keeps"));

        JsonNode tokens = edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access()).json().get("tokens");

        assertEquals(202, Auth.currentUser(api, user.access()).status(), "the caller's access token keeps working");
        assertEquals(202, Auth.currentUser(api, tokens.get("access").asText()).status());
        Api.Res refreshed = Auth.refresh(api, tokens.get("refresh").asText());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals(202, Auth.currentUser(api, refreshed.json().get("access").asText()).status());
    }

    @Test
    void aPasswordChangeLeavesTheCallersPreviousRefreshTokenUsable() {
        TestUser user = api.register(Api.uniqueName("OldRefresh"));
        assertEquals(202, edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access()).status());

        Api.Res refreshed = Auth.refresh(api, user.refresh());

        assertEquals(200, refreshed.status(), "a client that ignored the returned tokens stays logged in");
        assertEquals(202, Auth.currentUser(api, refreshed.json().get("access").asText()).status());
        assertEquals(200, Auth.refresh(api, refreshed.json().get("refresh").asText()).status());
        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
    }

    @Test
    void theReturnedRefreshTokenCanLogOutTheCallersSession() {
        TestUser user = api.register(Api.uniqueName("ThenOut"));
        JsonNode tokens = edit(passwordChange(TestUser.PASSWORD, NEW_PASSWORD), user.access()).json().get("tokens");

        assertEquals(205, Auth.logout(api, tokens.get("refresh").asText(), user.access()).status());

        Auth.assertTokenNotValid(Auth.currentUser(api, user.access()));
        Auth.assertTokenNotValid(Auth.currentUser(api, tokens.get("access").asText()));
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        TestUser user = api.register(Api.uniqueName("Wrong"));
        JsonNode other = Auth.newSession(api, user);

        Api.Res res = edit(passwordChange("not-my-password", NEW_PASSWORD), user.access());

        assertEquals(403, res.status(), res.toString());
        assertEquals("Wrong password", res.json().get("message").asText());
        assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status());
        assertEquals(401, api.login(user.username(), NEW_PASSWORD).status());
        assertEquals(202, Auth.currentUser(api, other.get("access").asText()).status(), "no session ended");
    }

    @Test
    void aWrongCurrentPasswordAlsoLeavesTheOtherFieldsUnchanged() {
        TestUser user = api.register(Api.uniqueName("Atomic"));
        Map<String, Object> body = passwordChange("not-my-password", NEW_PASSWORD);
        body.put("mode", "dark");

        assertEquals(403, edit(body, user.access()).status());

        assertEquals("light", Auth.currentUser(api, user.access()).json().get("mode").asText());
    }

    @Test
    void anInvalidNewPasswordIs400() {
        TestUser user = api.register(Api.uniqueName("weakling"));
        assertInvalid(edit(passwordChange(TestUser.PASSWORD, "short"), user.access()), "new_password");
        assertInvalid(edit(passwordChange(TestUser.PASSWORD, "x".repeat(73)), user.access()), "new_password");
        assertInvalid(edit(passwordChange(TestUser.PASSWORD, "ü".repeat(37)), user.access()), "new_password");
        assertInvalid(edit(passwordChange(TestUser.PASSWORD, user.username()), user.access()), "new_password");
        Map<String, Object> missing = passwordChange(TestUser.PASSWORD, null);
        assertInvalid(edit(missing, user.access()), "new_password");
        assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status(), "the password is unchanged");
    }

    @Test
    void aMissingCurrentPasswordIs400() {
        TestUser user = api.register(Api.uniqueName("NoCurrent"));
        assertInvalid(edit(passwordChange(null, NEW_PASSWORD), user.access()), "current_password");
    }

    @Test
    void aNewPasswordWithoutUpdatePasswordIs400() {
        TestUser user = api.register(Api.uniqueName("NoFlag"));
        Map<String, Object> body = passwordChange(TestUser.PASSWORD, NEW_PASSWORD);
        body.remove("update_password");
        assertInvalid(edit(body, user.access()), "update_password");
        assertEquals(401, api.login(user.username(), NEW_PASSWORD).status());
    }

    @Test
    void changingUsernameAndPasswordTogetherWorks() {
        TestUser user = api.register(Api.uniqueName("Both"));
        String newName = Api.uniqueName("BothNew");
        Map<String, Object> body = passwordChange(TestUser.PASSWORD, NEW_PASSWORD);
        body.put("username", newName);

        Api.Res res = edit(body, user.access());

        assertEquals(202, res.status(), res.toString());
        assertEquals(newName, res.json().get("username").asText());
        assertEquals(200, api.login(newName, NEW_PASSWORD).status());
    }

    @Test
    void theNewPasswordMayNotEqualTheNewUsername() {
        TestUser user = api.register(Api.uniqueName("Same"));
        Map<String, Object> body = passwordChange(TestUser.PASSWORD, "the_new_name_1");
        body.put("username", "the_new_name_1");
        assertInvalid(edit(body, user.access()), "new_password");
    }
}
