package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import dev.raven.support.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign up, log in and log out through the forms; browser sessions are login sessions. */
@WithServer("ratelimit.enabled=false")
class WebAuthTest {
    private static TestServer server;
    private static Api api;

    @Test
    void signUpThroughTheFormSignsInWithAnHttpOnlyLaxCookie() {
        WebClient browser = WebClient.of(server);
        String name = Api.uniqueName("webby");
        WebClient.Page signedUp = browser.post("/signup", Map.of("username", name, "alias", "Webby",
                "email", name + "@example.org", "date_of_birth", "1990-05-17",
                "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD));

        assertEquals(303, signedUp.status(), signedUp.body());
        assertEquals("/", signedUp.location());
        String cookie = sessionCookie(signedUp);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag: " + cookie);

        WebClient.Page home = browser.get("/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("<h1>Home</h1>"), home.body());
        assertTrue(home.body().contains("@" + name), "the nav names who is signed in");
        // The account is a real one: the JSON API logs it in.
        assertEquals(200, api.login(name, TestUser.PASSWORD).status());
    }

    @Test
    void aFailedSignUpKeepsWhatWasTypedAndSaysWhatIsWrongNextToTheField() {
        WebClient browser = WebClient.of(server);
        String name = Api.uniqueName("typist");
        WebClient.Page page = browser.post("/signup", Map.of("username", name, "alias", "Typist",
                "email", "not-an-email", "date_of_birth", "1990-05-17",
                "password", "short", "password2", "short"));

        assertEquals(422, page.status());
        assertTrue(page.body().contains("value=\"" + name + "\""), "username kept");
        assertTrue(page.body().contains("value=\"not-an-email\""), "email kept");
        assertTrue(page.body().contains("value=\"Typist\""), "alias kept");
        assertTrue(page.body().contains("id=\"password-error\""), "error next to the password field");
        assertTrue(page.body().contains("id=\"email-error\""), "error next to the email field");
        assertFalse(page.body().contains("value=\"short\""), "passwords are never sent back");
        assertNull(browser.session());
    }

    @Test
    void aTakenUsernameIsShownOnTheUsernameField() {
        TestUser taken = api.register(Api.uniqueName("taken"));
        WebClient browser = WebClient.of(server);
        WebClient.Page page = browser.post("/signup", Map.of("username", taken.username(), "alias", "",
                "email", Api.uniqueName("other") + "@example.org", "date_of_birth", "1990-05-17",
                "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD));

        assertEquals(409, page.status());
        assertTrue(page.body().contains("<p class=\"field-error\" id=\"username-error\">Username already exists</p>"),
                page.body());
    }

    @Test
    void logInGivesTheSameAnswerForAnUnknownUserAndAWrongPassword() {
        TestUser user = api.register(Api.uniqueName("known"));
        WebClient.Page wrongPassword = WebClient.of(server).post("/login",
                Map.of("username", user.username(), "password", "wrong-password-1"));
        WebClient.Page unknownUser = WebClient.of(server).post("/login",
                Map.of("username", user.username() + "x", "password", "wrong-password-1"));

        assertEquals(422, wrongPassword.status());
        assertEquals(422, unknownUser.status());
        assertEquals(errorOf(wrongPassword), errorOf(unknownUser));
        assertNotNull(errorOf(wrongPassword));
        assertTrue(wrongPassword.body().contains("value=\"" + user.username() + "\""), "username kept");
        assertTrue(wrongPassword.setCookies().stream().noneMatch(c -> c.startsWith(WebClient.COOKIE)));
    }

    @Test
    void logInStartsASessionAndGoesBackToTheLocalNextPageOnly() {
        TestUser user = api.register(Api.uniqueName("returner"));
        WebClient browser = WebClient.of(server);
        WebClient.Page local = browser.post("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD, "next", "/?cursor="));
        assertEquals(303, local.status());
        assertEquals("/?cursor=", local.location());

        WebClient.Page offsite = WebClient.of(server).post("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD, "next", "//evil.example/"));
        assertEquals(303, offsite.status());
        assertEquals("/", offsite.location(), "never a redirect to another host");
    }

    @Test
    void logOutEndsTheSessionItself() {
        WebClient browser = WebClient.of(server);
        browser.signUp(Api.uniqueName("leaver"));
        String token = browser.session();

        WebClient.Page out = browser.post("/logout", Map.of());
        assertEquals(303, out.status());
        assertCleared(sessionCookie(out));

        // Even a copy of the old cookie no longer works: the session row has ended.
        WebClient copy = WebClient.of(server);
        copy.setSession(token);
        assertTrue(copy.get("/").body().contains("<h1>Welcome to Raven</h1>"));
        WebClient.Page post = copy.postExactly("/tweets", Map.of("content", "after logout"), Map.of());
        assertEquals(303, post.status());
        assertEquals("/login", post.location());
    }

    @Test
    void logOutEverywhereThroughTheApiEndsTheBrowserSessionToo() {
        WebClient browser = WebClient.of(server);
        String name = Api.uniqueName("everywhere");
        browser.signUp(name);
        assertTrue(browser.get("/").body().contains("<h1>Home</h1>"));

        String access = api.login(name, TestUser.PASSWORD).json().get("access").asText();
        assertEquals(205, api.post(Auth.LOGOUT_ALL, null, access).status());

        WebClient.Page home = browser.get("/");
        assertTrue(home.body().contains("<h1>Welcome to Raven</h1>"), "signed out: " + home.body());
        assertCleared(sessionCookie(home));
    }

    @Test
    void aPasswordChangeThroughTheApiEndsTheBrowserSession() {
        WebClient browser = WebClient.of(server);
        String name = Api.uniqueName("changer");
        browser.signUp(name);
        String token = browser.session();

        String access = api.login(name, TestUser.PASSWORD).json().get("access").asText();
        Api.Res edit = api.put(Auth.EDIT, Map.of("update_password", true, "current_password", TestUser.PASSWORD,
                "new_password", "another-long-password"), access);
        assertEquals(202, edit.status(), edit.body());

        WebClient copy = WebClient.of(server);
        copy.setSession(token);
        assertTrue(copy.get("/").body().contains("<h1>Welcome to Raven</h1>"));
    }

    @Test
    void signedInRoutesSendAPersonWithoutASessionToLogIn() {
        WebClient.Page post = WebClient.of(server).postExactly("/tweets/1/like", Map.of(), Map.of());
        assertEquals(303, post.status());
        assertEquals("/login", post.location());

        WebClient.Page htmx = WebClient.of(server).postExactly("/tweets/1/like", Map.of(),
                Map.of("HX-Request", "true"));
        assertEquals("/login", htmx.header("HX-Redirect"), "htmx is told to load the login page");
    }

    static String sessionCookie(WebClient.Page page) {
        return page.setCookies().stream().filter(c -> c.startsWith(WebClient.COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set: " + page.setCookies()));
    }

    private static void assertCleared(String cookie) {
        assertTrue(cookie.startsWith(WebClient.COOKIE + "=;") && cookie.contains("Expires=Thu, 01 Jan 1970"),
                "the cookie is cleared: " + cookie);
    }

    private static String errorOf(WebClient.Page page) {
        Matcher m = Pattern.compile("<p class=\"field-error\"[^>]*>([^<]*)</p>").matcher(page.body());
        return m.find() ? m.group(1) : null;
    }
}
