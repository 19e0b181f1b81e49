package dev.raven.web;

import dev.raven.support.Api;
import dev.raven.support.RawHttp;
import dev.raven.support.TestServer;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Form posts the way no browser sends them: an unknown charset, another encoding, a broken
 * %-escape, bytes that are not UTF-8. Each is a plain error page and nothing is stored; none
 * is a 500 and none quietly stores altered text.
 */
@WithServer("ratelimit.enabled=false")
class WebFormBodiesTest {
    static TestServer server;
    static RawHttp raw;
    static WebClient browser;

    @BeforeAll
    static void signIn() {
        raw = new RawHttp(server.app().port(), 10_000);
        browser = WebClient.of(server);
        browser.signUp(Api.uniqueName("former"));
    }

    static RawHttp.Response postTweet(String contentType, byte[] body) {
        return post("/tweets", contentType, body);
    }

    static RawHttp.Response post(String path, String contentType, byte[] body) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Cookie", WebClient.COOKIE + "=" + browser.session(), Csrf.HEADER, browser.csrf()));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return raw.send("POST", path, headers, body);
    }

    static void assertErrorPage(RawHttp.Response res, int status) {
        assertEquals(status, res.status(), res.toString());
        assertTrue(res.header("Content-Type").startsWith("text/html"), res.toString());
        assertTrue(res.body().contains("<h1>"), res.toString());
    }

    static void assertNothingPosted(String marker) {
        assertFalse(browser.get("/").body().contains(marker), "no tweet was stored");
    }

    @Test
    void aFormInUtf8IsTaken() {
        RawHttp.Response res = postTweet("application/x-www-form-urlencoded; charset=UTF-8",
                "content=caf%C3%A9+ok".getBytes(StandardCharsets.US_ASCII));
        assertEquals(303, res.status(), res.toString());
        assertTrue(browser.get("/").body().contains("café ok"));
    }

    @Test
    void anUnknownCharsetIs415() {
        assertErrorPage(postTweet("application/x-www-form-urlencoded; charset=x-bogus",
                "content=bogus-charset".getBytes(StandardCharsets.US_ASCII)), 415);
        assertErrorPage(postTweet("application/x-www-form-urlencoded; charset=iso-8859-1",
                "content=latin-charset".getBytes(StandardCharsets.US_ASCII)), 415);
        assertNothingPosted("bogus-charset");
        assertNothingPosted("latin-charset");
    }

    @Test
    void anotherEncodingThanAFormIs415() {
        assertErrorPage(postTweet("application/json", "{\"content\":\"json-post\"}".getBytes(StandardCharsets.UTF_8)),
                415);
        // Multipart is for the routes that take a picture (compose, reply, settings pictures) only.
        assertErrorPage(post("/settings/profile", "multipart/form-data; boundary=zz",
                "--zz\r\nContent-Disposition: form-data; name=\"bio\"\r\n\r\nmultipart-post\r\n--zz--"
                        .getBytes(StandardCharsets.US_ASCII)), 415);
        assertNothingPosted("json-post");
        assertFalse(browser.get("/settings").body().contains("multipart-post"), "the profile was not changed");
    }

    @Test
    void theComposeBoxTakesMultipartButAMalformedOneIs400() {
        RawHttp.Response ok = postTweet("multipart/form-data; boundary=zz",
                "--zz\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nmultipart-post\r\n--zz--\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        assertEquals(303, ok.status(), ok.toString());
        assertTrue(browser.get("/").body().contains("multipart-post"));
        assertErrorPage(postTweet("multipart/form-data; boundary=zz",
                "--zz\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nbroken-multipart"
                        .getBytes(StandardCharsets.US_ASCII)), 400);
        assertNothingPosted("broken-multipart");
    }

    @Test
    void aBrokenEscapeIs400() {
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=broken%zzescape".getBytes(
                StandardCharsets.US_ASCII)), 400);
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=cut-off%E".getBytes(
                StandardCharsets.US_ASCII)), 400);
        assertNothingPosted("broken");
        assertNothingPosted("cut-off");
    }

    @Test
    void escapedBytesThatAreNotUtf8Are400AndNeverStoredAltered() {
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=bad%FFbyte".getBytes(
                StandardCharsets.US_ASCII)), 400);
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=surrogate%ED%A0%80here".getBytes(
                StandardCharsets.US_ASCII)), 400);
        assertNothingPosted("byte");
        assertNothingPosted("here");
    }

    @Test
    void aNulCharacterIs400OnEveryDatabase() {
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=nul%00inside".getBytes(
                StandardCharsets.US_ASCII)), 400);
        assertErrorPage(postTweet("application/x-www-form-urlencoded", "content=rawzq\u0000nul".getBytes(
                StandardCharsets.ISO_8859_1)), 400);
        assertNothingPosted("inside");
        assertNothingPosted("rawzq");
    }
}
