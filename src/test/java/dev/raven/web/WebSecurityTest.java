package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSRF, the page headers, the cookie behind a proxy, rate limits and the asset files. */
class WebSecurityTest {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        // Small login limits so the rate-limit test needs few requests; trust a proxy for the Secure test.
        server = TestServer.start(Map.of("ratelimit.login.max", "3", "ratelimit.login.ip.max", "1000",
                "ratelimit.register.max", "1000", "http.trust.proxy", "true"));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        WebClient browser = WebClient.of(server);
        String name = Api.uniqueName("guarded");
        browser.signUp(name);

        WebClient.Page none = browser.postExactly("/tweets", Map.of("content", "forged"), Map.of());
        assertEquals(403, none.status());
        assertTrue(none.body().contains("<h1>Not allowed</h1>"), none.body());

        WebClient other = WebClient.of(server);
        other.signUp(Api.uniqueName("other"));
        WebClient.Page wrong = browser.postExactly("/tweets",
                Map.of("content", "forged", "_csrf", other.csrf()), Map.of());
        assertEquals(403, wrong.status(), "another session's token is not this one's");

        WebClient.Page logout = browser.postExactly("/logout", Map.of(), Map.of());
        assertEquals(403, logout.status(), "log out is a state change too");

        assertFalse(browser.get("/").body().contains("forged"), "no tweet was posted");

        // The htmx header carries the token as well as the form field does.
        WebClient.Page viaHeader = browser.postExactly("/tweets", Map.of("content", "with header"),
                Map.of("X-CSRF-Token", browser.csrf()));
        assertEquals(303, viaHeader.status());
        assertTrue(browser.get("/").body().contains("with header"));
    }

    @Test
    void aLogInFormSentFromAnotherSiteIsRefused() {
        TestUser user = api.register(Api.uniqueName("crosssite"));
        WebClient.Page page = WebClient.of(server).postExactly("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD),
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, page.status());
        assertTrue(page.setCookies().stream().noneMatch(c -> c.startsWith(WebClient.COOKIE)));
    }

    @Test
    void everyHtmlResponseCarriesTheStrictHeaders() {
        WebClient browser = WebClient.of(server);
        List<WebClient.Page> pages = new java.util.ArrayList<>(List.of(
                browser.get("/"), browser.get("/login"), browser.get("/signup"), browser.get("/no/such/page"),
                browser.get("/assets/nothing.css"),
                browser.post("/login", Map.of("username", "nobody", "password", "wrong-password"))));
        browser.signUp(Api.uniqueName("headers"));
        pages.add(browser.get("/"));
        pages.add(browser.postExactly("/tweets", Map.of("content", "x"), Map.of()));
        pages.add(browser.post("/tweets", Map.of("content", "")));

        for (WebClient.Page page : pages) {
            assertTrue(page.header("Content-Type").startsWith("text/html"), page.toString());
            assertEquals(CSP, page.header("Content-Security-Policy"), page.toString());
            assertEquals("nosniff", page.header("X-Content-Type-Options"));
            assertEquals("same-origin", page.header("Referrer-Policy"));
            assertEquals("DENY", page.header("X-Frame-Options"));
            assertFalse(page.body().contains("<script>") || page.body().contains("style="),
                    "no inline script or style: " + page.body());
        }
    }

    @Test
    void unknownWebPathsGetAnHtmlPageWhileTheApiKeepsJson() {
        WebClient.Page page = WebClient.of(server).get("/no/such/page");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("<h1>Not found</h1>"));

        Api.Res json = api.get("/api/no/such/route/", null);
        assertEquals(404, json.status());
        assertEquals("not_found", json.json().get("code").asText());
        assertTrue(json.header("Content-Security-Policy") == null || json.header("Content-Security-Policy").isEmpty(),
                "the API's answers are as they were");
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysHttps() {
        TestUser user = api.register(Api.uniqueName("proxied"));
        WebClient.Page https = WebClient.of(server).postExactly("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD),
                Map.of("X-Forwarded-Proto", "https"));
        assertEquals(303, https.status());
        assertTrue(WebAuthTest.sessionCookie(https).contains("Secure"), https.setCookies().toString());

        WebClient.Page http = WebClient.of(server).postExactly("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD),
                Map.of("X-Forwarded-Proto", "http"));
        assertFalse(WebAuthTest.sessionCookie(http).contains("Secure"));
    }

    @Test
    void theProxyHeaderIsIgnoredWhenNoProxyIsTrusted() {
        try (TestServer plain = TestServer.start()) {
            TestUser user = plain.api().register(Api.uniqueName("direct"));
            WebClient.Page page = WebClient.of(plain).postExactly("/login",
                    Map.of("username", user.username(), "password", TestUser.PASSWORD),
                    Map.of("X-Forwarded-Proto", "https"));
            assertFalse(WebAuthTest.sessionCookie(page).contains("Secure"));
        }
    }

    @Test
    void failedLogInsThroughTheFormAreRateLimitedInTheApisBuckets() {
        TestUser user = api.register(Api.uniqueName("guessed"));
        for (int i = 0; i < 2; i++) {
            assertEquals(422, WebClient.of(server).post("/login",
                    Map.of("username", user.username(), "password", "wrong-" + i)).status());
        }
        // The third failure is counted by the JSON API: both count against one limit.
        assertEquals(401, api.login(user.username(), "wrong-api").status());

        WebClient.Page limited = WebClient.of(server).post("/login",
                Map.of("username", user.username(), "password", TestUser.PASSWORD));
        assertEquals(429, limited.status());
        assertTrue(limited.body().contains("Too many failed tries"), limited.body());
        assertTrue(limited.setCookies().stream().noneMatch(c -> c.startsWith(WebClient.COOKIE)),
                "even the right password is refused while limited");
    }

    @Test
    void aFirstVisitOfTheHomePageTransfersAtMost60KbCompressed() throws Exception {
        WebClient browser = WebClient.of(server);
        browser.signUp(Api.uniqueName("budget"));
        HttpClient http = HttpClient.newHttpClient();
        java.net.http.HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
                .header("Cookie", WebClient.COOKIE + "=" + browser.session()).header("Accept-Encoding", "gzip")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        long total = page.body().length;
        String html = browser.get("/").body();
        Matcher assets = Pattern.compile("/assets/[a-z]+\\.[0-9a-f]{12}\\.(css|js)").matcher(html);
        int count = 0;
        while (assets.find()) {
            total += http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + assets.group()))
                    .header("Accept-Encoding", "gzip").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body().length;
            count++;
        }
        assertEquals(3, count, "the page loads app.css, htmx and app.js");
        assertTrue(total <= 60 * 1024, "first visit: " + total + " bytes");
    }

    @Test
    void assetsHaveHashedNamesAndAreCachedForeverAndCompressed() throws Exception {
        String home = WebClient.of(server).get("/").body();
        for (String ext : List.of("css", "js")) {
            Matcher m = Pattern.compile("/assets/[a-z]+\\.[0-9a-f]{12}\\." + ext).matcher(home);
            assertTrue(m.find(), "a hashed ." + ext + " asset is linked");
            HttpResponse<String> asset = Unirest.get(server.baseUrl() + m.group()).asString();
            assertEquals(200, asset.getStatus());
            assertEquals("public, max-age=31536000, immutable", asset.getHeaders().getFirst("Cache-Control"));
            assertTrue(asset.getHeaders().getFirst("Content-Type").startsWith(ext.equals("css") ? "text/css" : "text/javascript"));
        }
        Matcher htmx = Pattern.compile("/assets/htmx\\.[0-9a-f]{12}\\.js").matcher(home);
        assertTrue(htmx.find(), "htmx is served from the jar");
        // java.net.http leaves the body compressed (Unirest would unpack it and drop the header).
        java.net.http.HttpResponse<byte[]> gz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + htmx.group())).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gz.body().length < 25_000, "compressed: " + gz.body().length + " bytes");
        assertFalse(home.contains("http://") || home.contains("https://"), "nothing loaded from other hosts");
    }
}
