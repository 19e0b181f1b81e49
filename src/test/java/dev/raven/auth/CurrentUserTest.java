package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithServer
class CurrentUserTest {
    private static final String CURRENT_USER = "/api/auth/user/current_user/";

    static TestServer server;
    static Api api;

    @Test
    void currentUserAnswers202WithExactlyTheContractsKeys() {
        String name = Api.uniqueName("Me");
        Map<String, Object> body = Api.registration(name, TestUser.PASSWORD);
        body.put("profile", Map.of("date_of_birth", "1990-05-17", "alias", "Alias of " + name,
                "image_url", "https://img.example/me.png"));
        JsonNode registered = api.post("/api/auth/user/register/", body, null).json();
        String access = registered.at("/tokens/access").asText();

        Api.Res res = api.get(CURRENT_USER, access);

        assertEquals(202, res.status(), res.toString());
        JsonNode json = res.json();
        assertEquals(Set.of("user_id", "profile_id", "image_url", "username", "alias", "email", "mode"),
                Auth.keys(json));
        assertEquals(registered.at("/profile/user_id").asLong(), json.get("user_id").asLong());
        assertEquals(registered.at("/profile/id").asLong(), json.get("profile_id").asLong());
        assertEquals("https://img.example/me.png", json.get("image_url").asText());
        assertEquals(name, json.get("username").asText());
        assertEquals("Alias of " + name, json.get("alias").asText());
        assertEquals(name.toLowerCase() + "@example.org", json.get("email").asText());
        assertEquals("light", json.get("mode").asText(), "mode defaults to light");
    }

    @Test
    void aUserWithoutAnImageHasANullImageUrl() {
        TestUser user = api.register(Api.uniqueName("NoImage"));
        JsonNode json = api.get(CURRENT_USER, user.access()).json();
        assertTrue(json.has("image_url"));
        assertTrue(json.get("image_url").isNull());
    }

    @Test
    void withoutATokenItIs401NotAuthenticated() {
        Api.Res res = api.get(CURRENT_USER, null);
        assertEquals(401, res.status());
        assertEquals("not_authenticated", res.json().get("code").asText());
        assertEquals("JWT realm=\"api\"", res.header("WWW-Authenticate"));
    }

    @Test
    void eachCallerSeesThemselves() {
        TestUser a = api.register(Api.uniqueName("A"));
        TestUser b = api.register(Api.uniqueName("B"));
        assertEquals(a.username(), api.get(CURRENT_USER, a.access()).json().get("username").asText());
        assertEquals(b.username(), api.get(CURRENT_USER, b.access()).json().get("username").asText());
    }

    /**
     * The answer comes with the session check when that reads the database; a session held in
     * memory (the embedded database) must not bring an account from before a change.
     */
    @Test
    void changesToTheProfileAndTheAccountShowAtOnce() {
        TestUser user = api.register(Api.uniqueName("Changes"));
        assertEquals(202, api.get(CURRENT_USER, user.access()).status()); // the session is now held, if anywhere

        assertEquals(202, api.put("/api/profiles/edit/", Map.of("alias", "New alias",
                "image_url", "https://img.example/new.png"), user.access()).status());
        JsonNode afterProfile = api.get(CURRENT_USER, user.access()).json();
        assertEquals("New alias", afterProfile.get("alias").asText());
        assertEquals("https://img.example/new.png", afterProfile.get("image_url").asText());

        assertEquals(202, api.put("/api/auth/user/edit/", Map.of("mode", "dark"), user.access()).status());
        assertEquals("dark", api.get(CURRENT_USER, user.access()).json().get("mode").asText());
    }
}
