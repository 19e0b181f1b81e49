package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings page: profile, account and theme, password, log out everywhere, delete. */
@WithServer(social = true)
class WebSettingsTest {
    private static TestServer server;
    private static Api api;
    private static Social social;

    private static boolean signedIn(WebClient browser) {
        return browser.get("/").body().contains("<h1>Home</h1>");
    }

    @Test
    void profileFieldsAreSavedAndABadOneIsShownWithTheInputKept() {
        TestUser user = social.user("editor");
        WebClient browser = WebClient.signedIn(server, user);
        assertTrue(browser.get("/settings").body().contains("value=\"Alias of " + user.username() + "\""));

        WebClient.Page saved = browser.post("/settings/profile", Map.of("alias", "New Name", "bio", "Hello <there>",
                "image_url", "", "background_image_url", ""));
        assertEquals(303, saved.status());
        assertEquals("/settings?saved=profile", saved.location());
        var profile = social.profileAs(user, user);
        assertEquals("New Name", profile.get("alias").asText());
        assertEquals("Hello <there>", profile.get("bio").asText());
        assertTrue(browser.get("/settings?saved=profile").body().contains("Your profile was saved."));

        WebClient.Page bad = browser.post("/settings/profile", Map.of("alias", "Other", "bio", "kept bio",
                "image_url", "not a url", "background_image_url", ""));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"image_url-error\""), bad.body());
        assertTrue(bad.body().contains("value=\"not a url\"") && bad.body().contains(">kept bio</textarea>"));
        assertEquals("New Name", social.profileAs(user, user).get("alias").asText(), "nothing saved");
    }

    @Test
    void theThemeIsTheAccountsModeAndATakenUsernameIsRefused() {
        TestUser user = social.user("themed");
        TestUser other = social.user("taken");
        WebClient browser = WebClient.signedIn(server, user);
        assertEquals(303, browser.post("/settings/account", Map.of("username", user.username(),
                "email", user.username() + "@example.org", "mode", "dark")).status());
        assertTrue(browser.get("/").body().contains("<html lang=\"en\" data-theme=\"dark\">"));

        WebClient.Page taken = browser.post("/settings/account", Map.of("username", other.username(),
                "email", user.username() + "@example.org", "mode", "dark"));
        assertEquals(409, taken.status());
        assertTrue(taken.body().contains("<p class=\"field-error\" id=\"username-error\">Username already exists</p>"));
        assertTrue(taken.body().contains("value=\"" + other.username() + "\""), "what was typed is kept");
    }

    @Test
    void changingThePasswordKeepsThisBrowserAndEndsTheOtherSessions() {
        TestUser user = social.user("rotator");
        WebClient browser = WebClient.signedIn(server, user);
        WebClient elsewhere = WebClient.signedIn(server, user);

        WebClient.Page wrong = browser.post("/settings/password",
                Map.of("current_password", "not-it-at-all", "new_password", "a-brand-new-password"));
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("<p class=\"field-error\" id=\"current_password-error\">Wrong password</p>"));

        WebClient.Page changed = browser.post("/settings/password",
                Map.of("current_password", TestUser.PASSWORD, "new_password", "a-brand-new-password"));
        assertEquals(303, changed.status());
        assertTrue(signedIn(browser), "this browser stays signed in");
        assertFalse(signedIn(elsewhere), "the other browser session ended");
        Auth.assertTokenNotValid(Auth.currentUser(api, user.access()));
        assertEquals(200, api.login(user.username(), "a-brand-new-password").status());
    }

    @Test
    void logOutEverywhereEndsEverySessionThisOneToo() {
        TestUser user = social.user("everywhere");
        WebClient browser = WebClient.signedIn(server, user);
        WebClient elsewhere = WebClient.signedIn(server, user);
        WebClient.Page out = browser.post("/settings/logout-all", Map.of());
        assertEquals(303, out.status());
        assertFalse(signedIn(browser));
        assertFalse(signedIn(elsewhere));
        Auth.assertTokenNotValid(Auth.currentUser(api, user.access()));
    }

    @Test
    void deletingTheAccountAsksForThePassword() {
        TestUser user = social.user("leaving");
        WebClient browser = WebClient.signedIn(server, user);
        assertTrue(browser.get("/settings").body().contains("data-confirm="), "the browser asks first");

        WebClient.Page wrong = browser.post("/settings/delete", Map.of("password", "wrong-password"));
        assertEquals(403, wrong.status());
        assertTrue(wrong.body().contains("id=\"password-error\""));
        assertEquals(200, api.login(user.username(), TestUser.PASSWORD).status(), "still there");

        WebClient.Page deleted = browser.post("/settings/delete", Map.of("password", TestUser.PASSWORD));
        assertEquals(303, deleted.status());
        assertFalse(signedIn(browser));
        assertEquals(401, api.login(user.username(), TestUser.PASSWORD).status(), "gone");
    }
}
