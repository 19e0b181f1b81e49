package dev.raven.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Requests;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import dev.raven.support.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP conventions of the contract: paths, error bodies, body limits and CORS. */
@WithServer({"ratelimit.enabled=false", "http.max.body.bytes=4096",
        "cors.origins=" + HttpBehaviourTest.ORIGIN + ", https://other.example"})
class HttpBehaviourTest {
    static final String ORIGIN = "https://app.example";

    static TestServer server;
    static Api api;
    static Requests requests;

    @BeforeAll
    static void start() {
        requests = new Requests(server.baseUrl());
    }

    static String withoutSlash(String path) {
        return path.substring(0, path.length() - 1);
    }

    static void assertJsonError(Api.Res res, int status, String code) {
        assertEquals(status, res.status(), res.toString());
        assertTrue(res.header("Content-Type").startsWith("application/json"), res.header("Content-Type"));
        JsonNode json = res.json();
        assertEquals(code, json.get("code").asText(), res.toString());
        assertTrue(json.get("message").asText().length() > 0, res.toString());
    }

    @Test
    void everyAuthRouteAnswersWithAndWithoutTheTrailingSlash() {
        for (boolean slash : new boolean[]{true, false}) {
            UnaryOperator<String> path = p -> slash ? p : withoutSlash(p);
            String name = Api.uniqueName(slash ? "Slash" : "NoSlash");

            Api.Res registered = api.post(path.apply(Auth.REGISTER), Api.registration(name, TestUser.PASSWORD), null);
            assertEquals(201, registered.status(), registered.toString());
            Api.Res login = api.post(path.apply(Auth.OBTAIN),
                    Map.of("username", name, "password", TestUser.PASSWORD), null);
            assertEquals(200, login.status(), login.toString());
            Api.Res refreshed = api.post(path.apply(Auth.REFRESH),
                    Map.of("refresh", login.json().get("refresh").asText()), null);
            assertEquals(200, refreshed.status(), refreshed.toString());
            String access = refreshed.json().get("access").asText();
            assertEquals(202, api.get(path.apply(Auth.CURRENT_USER), access).status());
            assertEquals(202, api.put(path.apply(Auth.EDIT), Map.of("mode", "dark"), access).status());
            assertEquals(205, api.post(path.apply(Auth.LOGOUT),
                    Map.of("refresh_token", registered.json().at("/tokens/refresh").asText()), access).status());
            assertEquals(205, api.post(path.apply(Auth.LOGOUT_ALL), null, access).status());

            JsonNode again = api.login(name, TestUser.PASSWORD).json();
            assertEquals(204, api.delete(path.apply(Auth.DELETE),
                    Map.of("refresh_token", again.get("refresh").asText()), again.get("access").asText()).status());
            assertEquals(401, api.login(name, TestUser.PASSWORD).status(), "deleted");
        }
    }

    @Test
    void unknownRoutesAreJson404s() {
        assertJsonError(api.get("/api/no/such/route/", null), 404, "not_found");
        assertJsonError(api.post("/api/auth/no_such_route/", Map.of(), null), 404, "not_found");
        // Outside /api/ (and /health, /internal/) is the web app: its 404s are HTML pages (WebSecurityTest).
    }

    @Test
    void unknownRoutesAre404EvenUnderProtectedPrefixesAndWithoutAToken() {
        assertJsonError(api.get("/api/auth/user/no_such_route/", null), 404, "not_found");
    }

    @Test
    void aKnownPathWithTheWrongMethodIsAJsonErrorNotA500() {
        Api.Res res = api.get(Auth.OBTAIN, null);
        assertTrue(res.status() == 404 || res.status() == 405, res.toString());
        assertTrue(res.json().has("code"), res.toString());
    }

    @Test
    void nonNumericIdsInPathsAreJson404s() {
        assertJsonError(api.get("/health/abc", null), 404, "not_found");
    }

    @Test
    void malformedJsonIsAJson400() {
        assertJsonError(api.raw("POST", Auth.OBTAIN, "{\"username\": ", null), 400, "malformed_json");
        assertJsonError(api.raw("POST", Auth.OBTAIN, "{\"username\": \"a\"} trailing", null), 400, "malformed_json");
    }

    @Test
    void aBodyThatIsNotAnObjectIsAJson400() {
        assertJsonError(api.raw("POST", Auth.OBTAIN, "[1, 2]", null), 400, "bad_request");
        assertJsonError(api.raw("POST", Auth.OBTAIN, "null", null), 400, "bad_request");
        assertJsonError(api.raw("POST", Auth.OBTAIN, "42", null), 400, "bad_request");
    }

    @Test
    void aWrongTypeIsAJson400NamingTheField() {
        Api.Res res = api.post(Auth.OBTAIN, Map.of("username", List.of("a"), "password", "x"), null);
        assertJsonError(res, 400, "invalid");
        assertTrue(res.json().get("errors").has("username"), res.toString());
    }

    @Test
    void aNulCharacterInATextFieldIsA400NamingTheField() {
        // PostgreSQL cannot store or even compare U+0000: it must be refused before any SQL.
        Api.Res login = api.post(Auth.OBTAIN, Map.of("username", "a\u0000b", "password", "whatever-it-is"), null);
        assertJsonError(login, 400, "invalid");
        assertTrue(login.json().get("errors").has("username"), login.toString());

        Map<String, Object> registration = Api.registration(Api.uniqueName("Nul"), TestUser.PASSWORD);
        registration.put("profile", Map.of("date_of_birth", "1990-01-01", "alias", "x\u0000y"));
        Api.Res registered = api.post(Auth.REGISTER, registration, null);
        assertJsonError(registered, 400, "invalid");
        assertTrue(registered.json().get("errors").has("profile.alias"), registered.toString());

        TestUser user = api.register(Api.uniqueName("Nul"));
        Api.Res edited = api.put(Auth.EDIT, Map.of("mode", "\u0000"), user.access());
        assertJsonError(edited, 400, "invalid");
        assertTrue(edited.json().get("errors").has("mode"), edited.toString());
    }

    @Test
    void aBodyOverTheLimitIsAJson413() {
        String big = "{\"username\": \"" + "a".repeat(5000) + "\", \"password\": \"x\"}";
        assertJsonError(api.raw("POST", Auth.OBTAIN, big, null), 413, "request_too_large");
        assertJsonError(api.raw("POST", Auth.REGISTER, big, null), 413, "request_too_large");
    }

    @Test
    void aLargeBodyOverTheLimitIsAnsweredNotReset() {
        // The body is read and dropped before the 413: closing on unread bytes sends a reset,
        // which could reach the client before the answer (it then saw no answer at all).
        String big = "{\"content\": \"" + "a".repeat(200_000) + "\"}";
        for (int i = 0; i < 20; i++) {
            assertJsonError(api.raw("POST", Auth.OBTAIN, big, null), 413, "request_too_large");
        }
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String body = "{\"username\": \"" + "a".repeat(4000) + "\", \"password\": \"x\"}";
        assertEquals(401, api.raw("POST", Auth.OBTAIN, body, null).status());
    }

    /** Sends bytes no HTTP client library would, and returns the raw answer's status line, headers and body. */
    static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static void assertRawJsonError(String answer, int status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("\"code\":\"" + code + "\""), answer);
        assertFalse(answer.contains("<html"), answer);
    }

    @Test
    void requestsRefusedBeforeRoutingStillGetJsonErrors() throws IOException {
        assertRawJsonError(rawExchange("GET /api/auth/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                400, "bad_request");
        assertRawJsonError(rawExchange("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        assertRawJsonError(rawExchange("GET /api/auth/user/current_user/ HTTP/1.1\r\nHost: x\r\nAuthorization: JWT "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"), 431, "http_431");
    }

    @Test
    void errorBodiesCarryNoStackTracesOrInternals() {
        Api.Res res = api.raw("POST", Auth.REGISTER, "{\"profile\": {\"date_of_birth\": \"1990-02-30\"}}", null);
        assertEquals(400, res.status());
        assertFalse(res.body().contains("Exception"), res.body());
        assertFalse(res.body().contains("at dev.raven"), res.body());
        assertFalse(res.body().contains("com.fasterxml"), res.body());
    }

    @Test
    void corsHeadersAreSentToAnAllowedOrigin() {
        TestUser user = api.register(Api.uniqueName("Cors"));
        Api.Res res = requests.send("GET", Auth.CURRENT_USER, null,
                Map.of("Origin", ORIGIN, "Authorization", "JWT " + user.access()));
        assertEquals(202, res.status());
        assertEquals(ORIGIN, res.header("Access-Control-Allow-Origin"));
        assertTrue(res.header("Access-Control-Expose-Headers").contains("Retry-After"),
                res.header("Access-Control-Expose-Headers"));
    }

    @Test
    void corsHeadersAreNotSentToAnOriginNotInTheList() {
        Api.Res res = requests.send("GET", "/health", null, Map.of("Origin", "https://evil.example"));
        assertEquals(200, res.status());
        assertFalse(res.headers().containsKey("Access-Control-Allow-Origin"), res.headers().toString());
    }

    @Test
    void corsHeadersAreAlsoOnErrorAnswers() {
        Api.Res res = requests.send("GET", Auth.CURRENT_USER, null, Map.of("Origin", ORIGIN));
        assertEquals(401, res.status());
        assertEquals(ORIGIN, res.header("Access-Control-Allow-Origin"));
    }

    @Test
    void corsHeadersAreAlsoOnAnswersGivenBeforeRouting() {
        // A 413 from the body reader, which answers before Javalin (and its CORS plugin) runs.
        Api.Res res = requests.send("POST", Auth.REGISTER, "{\"bio\": \"" + "x".repeat(5000) + "\"}",
                Map.of("Origin", ORIGIN, "Content-Type", "application/json"));
        assertEquals(413, res.status());
        assertEquals(ORIGIN, res.header("Access-Control-Allow-Origin"));
        Api.Res other = requests.send("POST", Auth.REGISTER, "{\"bio\": \"" + "x".repeat(5000) + "\"}",
                Map.of("Origin", "https://evil.example", "Content-Type", "application/json"));
        assertEquals(413, other.status());
        assertFalse(other.headers().containsKey("Access-Control-Allow-Origin"), other.headers().toString());
    }

    @Test
    void aPreflightForAProtectedRouteSucceedsWithoutAToken() {
        // Browsers never send credentials on a preflight: it must not be refused as unauthenticated.
        Api.Res res = requests.send("OPTIONS", Auth.CURRENT_USER, null, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertTrue(res.status() == 200 || res.status() == 204, res.toString());
        assertEquals(ORIGIN, res.header("Access-Control-Allow-Origin"));
        assertTrue(res.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"),
                res.headers().toString());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAnyCorsOrigin {
        TestServer open;

        @BeforeAll
        void start() {
            open = TestServer.start(Map.of("cors.origins", "*"));
        }

        @AfterAll
        void stop() {
            open.close();
        }

        @Test
        void everyOriginIsAllowed() {
            Api.Res res = new Requests(open.baseUrl()).send("GET", "/health", null,
                    Map.of("Origin", "https://anywhere.example"));
            assertEquals(200, res.status());
            String allowed = res.header("Access-Control-Allow-Origin");
            assertTrue(allowed.equals("*") || allowed.equals("https://anywhere.example"), allowed);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithoutCorsOrigins {
        TestServer plain;

        @BeforeAll
        void start() {
            plain = TestServer.start();
        }

        @AfterAll
        void stop() {
            plain.close();
        }

        @Test
        void noCorsHeadersAreSentEvenToABrowser() {
            Api.Res res = new Requests(plain.baseUrl()).send("GET", "/health", null, Map.of("Origin", ORIGIN));
            assertEquals(200, res.status());
            assertFalse(res.headers().containsKey("Access-Control-Allow-Origin"), res.headers().toString());
        }
    }
}
