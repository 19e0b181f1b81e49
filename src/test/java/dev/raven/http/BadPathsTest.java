package dev.raven.http;

import dev.raven.support.Api;
import dev.raven.support.RawHttp;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.raven.support.RawHttp.assertJsonError;

/**
 * Requests refused before any handler runs (bad escapes and raw bytes in the path, control
 * characters in headers) get the contract's JSON error, whatever the method. A path that is
 * not a valid URI is a 400; a valid one whose id is not a positive integer is a 404.
 */
@WithServer("ratelimit.enabled=false")
class BadPathsTest {
    static TestServer server;
    static RawHttp raw;
    static TestUser user;

    @BeforeAll
    static void start() {
        raw = new RawHttp(server.app().port(), 10_000);
        user = server.api().register(Api.uniqueName("Paths"));
    }

    static Map<String, String> auth() {
        return Map.of("Authorization", "JWT " + user.access());
    }

    @Test
    void aUtf16StyleEscapeIsAJson400BeforeRoutingWithOrWithoutALogin() {
        // "%u0031" once reached Javalin's path-parameter decoding and failed there as a 500.
        for (String request : List.of("GET /api/tweets/get_tweet/%u0031/", "PUT /api/tweets/liked_tweets_list/%u0031/",
                "DELETE /api/tweets/manage_tweet/%u0031/", "GET /api/profiles/view_profile/%u0031",
                "POST /api/auth/obtain_token/%u0031")) {
            String[] parts = request.split(" ");
            for (Map<String, String> headers : List.of(Map.<String, String>of(), auth())) {
                assertJsonError(raw.send(parts[0], parts[1], headers, null), 400, "bad_request");
            }
        }
    }

    @Test
    void pathsJettyRefusesAreJsonErrorsForEveryMethod() {
        // Jetty wrote its error bodies only for GET, POST and HEAD: a PUT got an empty 400.
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String id : List.of("%ff", "{id}", "[1]", "%C0%AE", "%ED%A0%80", "%zz")) {
                assertJsonError(raw.send(method, "/api/tweets/liked_tweets_list/" + id + "/", auth(), null),
                        400, "bad_request");
            }
        }
    }

    @Test
    void arabicIndicDigitsInAnIdNameNothing() {
        String rawUtf8 = new String("\u0661".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        for (String request : List.of("PUT /api/tweets/liked_tweets_list/", "DELETE /api/tweets/manage_tweet/",
                "GET /api/tweets/get_tweet/")) {
            String[] parts = request.split(" ");
            assertJsonError(raw.send(parts[0], parts[1] + "%D9%A1/", auth(), null), 404, "not_found");
            // Unescaped bytes in the request line are not a valid URI at all.
            assertJsonError(raw.send(parts[0], parts[1] + rawUtf8 + "/", auth(), null), 400, "bad_request");
        }
    }

    @Test
    void aControlCharacterInTheAuthorizationHeaderIsAJsonErrorForEveryMethod() {
        for (String method : List.of("GET", "PUT", "DELETE", "POST")) {
            assertJsonError(raw.send(method, "/api/tweets/manage_tweet/1/", Map.of("Authorization", "JWT a\u0001b"),
                    null), 400, "bad_request");
        }
    }
}
