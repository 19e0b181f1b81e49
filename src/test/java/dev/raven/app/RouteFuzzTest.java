package dev.raven.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.web.Csrf;
import dev.raven.web.WebPaths;
import dev.raven.support.FuzzInputs;
import dev.raven.support.Jwts;
import dev.raven.support.RawHttp;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz suite (make fuzz runs it alone): every route of the live route table gets malformed
 * and oversized bodies, wrong types, bad escapes and charsets, bad ids, bad query strings and
 * forged tokens, with and without a valid login. No answer may be a 5xx, an error that is not
 * JSON {"message", "code"}, a stack trace or SQL, and every request must be answered within
 * the client's timeout. A route added to {@link Routes} is fuzzed without touching this class.
 */
@WithServer({"jwt.secret=" + RouteFuzzTest.SECRET, "http.max.body.bytes=" + RouteFuzzTest.MAX_BODY,
        "ratelimit.enabled=false"})
class RouteFuzzTest {
    static final String SECRET = "fuzz-suite-secret-0123456789abcdef";
    static final int MAX_BODY = 16 * 1024;
    private static final int TIMEOUT_MILLIS = 15_000;
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\.|jakarta\\.|org\\.eclipse|io\\.javalin|com\\.fasterxml"
                    + "|org\\.h2|org\\.postgresql|org\\.jdbi|SQL|\\bSELECT\\b|\\bINSERT\\b|\\bUPDATE\\b|DELETE FROM|\\bWHERE\\b"
                    + "|syntax error|constraint|<html");
    private static final java.util.Set<Integer> BEFORE_ROUTING = java.util.Set.of(400, 408, 413, 414, 431);
    /** The same, for pages, which are HTML by nature. */
    private static final Pattern PAGE_LEAK = Pattern.compile(LEAK.pattern().replace("|<html", ""));

    static TestServer server;
    static RawHttp http;
    static Api api;
    static List<FuzzInputs.Body> bodies;
    static List<FuzzInputs.Body> pageBodies;

    @BeforeAll
    static void start() {
        http = new RawHttp(server.app().port(), TIMEOUT_MILLIS);
        // The first user, profile, tweet and reply of a fresh database: id 1 names something on
        // every route, so requests with a good id reach the handlers' own checks.
        TestUser owner = api.register(Api.uniqueName("Fuzz"));
        Social social = new Social(api);
        social.reply(owner, social.tweet(owner, "fuzzed"), "a reply");
        bodies = FuzzInputs.bodies(MAX_BODY);
        pageBodies = new ArrayList<>(FuzzInputs.formBodies(MAX_BODY));
        pageBodies.addAll(bodies);
    }

    @Test
    void theRouteTableIsReadFromTheRunningServer() {
        List<String> routes = server.app().routes();
        assertTrue(routes.size() >= 40, routes.toString());
        assertTrue(routes.contains("PUT /api/tweets/liked_tweets_list/{id}"), routes.toString());
        assertTrue(routes.contains("POST /api/auth/obtain_token"), routes.toString());
        assertTrue(routes.contains("POST /tweets/{id}/like"), routes.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyRouteSurvivesBadInput() {
        return server.app().routes().stream().map(route -> DynamicTest.dynamicTest(route, () -> fuzz(route)));
    }

    /** One route, every input; all failures are collected, so one run shows them all. */
    static void fuzz(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1) + "/";
        // A caller of its own for each route: fuzzing may edit, log out or delete it.
        TestUser caller = api.register(Api.uniqueName("Caller"));
        String token = caller.access();
        Map<String, Object> liveClaims = Jwts.claims(token);
        boolean page = WebPaths.isWeb(template);
        Fuzzer fuzzer = new Fuzzer(method, template, page);

        String goodPath = template.replace("{id}", "1");
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        // Pages are signed in to with the session cookie and its CSRF token; the API with a JWT.
        List<Map<String, String>> callers = List.of(Map.of(),
                page ? webSession(caller) : Map.of("Authorization", "JWT " + token));
        for (Map<String, String> credentials : callers) {
            if (hasBody) {
                for (FuzzInputs.Body body : page ? pageBodies : bodies) {
                    fuzzer.send("body " + body.name(), goodPath, headers(credentials, body.contentType()),
                            body.bytes());
                }
            }
            if (template.contains("{id}")) {
                for (String id : FuzzInputs.badIds()) {
                    fuzzer.send("id " + abbreviate(id), template.replace("{id}", id), headers(credentials, null), null);
                }
            }
            if (method.equals("GET")) {
                for (String query : FuzzInputs.queries()) {
                    fuzzer.send("query " + abbreviate(query), goodPath + query, headers(credentials, null), null);
                }
            }
        }
        token = login(caller);
        for (String authorization : FuzzInputs.authorizations(SECRET, liveClaims)) {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", authorization.replace("%s", token)));
            headers.put("Content-Type", "application/json");
            fuzzer.send("authorization " + abbreviate(authorization), goodPath, headers, hasBody ? "{}".getBytes() : null);
        }
        Map<String, String> twoHeaders = Map.of("Authorization", "JWT " + token + "\r\nAuthorization: JWT garbage");
        fuzzer.send("two Authorization headers", goodPath, twoHeaders, hasBody ? "{}".getBytes() : null);
        for (String agent : List.of("\u00ff\u00fe", "x".repeat(4_000), "a\u0001b")) {
            fuzzer.send("user agent " + abbreviate(agent), goodPath, Map.of("User-Agent", agent,
                    "Content-Type", "application/json"), hasBody ? "{\"username\":\"nobody\"}".getBytes() : null);
        }
        fuzzer.assertNoFailures();
    }

    /** A fresh session, since the inputs so far may have ended the first one (logout_all). */
    static String login(TestUser caller) {
        Api.Res res = api.login(caller.username(), TestUser.PASSWORD);
        return res.status() == 200 ? res.json().get("access").asText() : caller.access();
    }

    /** A browser session of the caller's, signed in through the web form: its cookie and CSRF token. */
    static Map<String, String> webSession(TestUser caller) {
        WebClient browser = WebClient.of(server);
        browser.logIn(caller.username(), TestUser.PASSWORD);
        return Map.of("Cookie", WebClient.COOKIE + "=" + browser.session(), Csrf.HEADER, browser.csrf());
    }

    static Map<String, String> headers(Map<String, String> credentials, String contentType) {
        Map<String, String> headers = new HashMap<>(credentials);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** Sends one route's inputs and keeps every answer that breaks the contract. */
    static final class Fuzzer {
        private final String method;
        private final String template;
        private final boolean page;
        private final List<String> failures = new ArrayList<>();
        private int sent;

        Fuzzer(String method, String template, boolean page) {
            this.method = method;
            this.template = template;
            this.page = page;
        }

        void send(String input, String target, Map<String, String> headers, byte[] body) {
            sent++;
            RawHttp.Response res;
            try {
                res = http.send(method, target, headers, body);
            } catch (AssertionError | RuntimeException e) {
                failures.add(input + ": " + e.getMessage());
                return;
            }
            String problem = page ? problemWithPage(res) : problemWith(res);
            if (problem != null) {
                failures.add(input + ": " + problem + " -> " + res);
            }
        }

        static String problemWith(RawHttp.Response res) {
            if (res.status() == 0) {
                return "no HTTP answer";
            }
            if (res.status() >= 500) {
                return "server error";
            }
            if (LEAK.matcher(res.body()).find()) {
                return "internals in the body";
            }
            if (res.status() >= 400) {
                String type = res.header("Content-Type");
                if (type == null || !type.startsWith("application/json")) {
                    return "error without a JSON content type";
                }
                JsonNode json = res.jsonOrNull();
                if (json == null || !json.path("message").isTextual() || !json.path("code").isTextual()) {
                    return "error body is not {message, code}";
                }
            }
            return null;
        }

        /** Pages answer errors as HTML pages, and redirect only within the site. */
        static String problemWithPage(RawHttp.Response res) {
            if (res.status() == 0) {
                return "no HTTP answer";
            }
            if (res.status() >= 500) {
                return "server error";
            }
            if (PAGE_LEAK.matcher(res.body()).find()) {
                return "internals in the body";
            }
            if (res.status() >= 300 && res.status() < 400) {
                String location = res.header("Location");
                if (location == null || !location.startsWith("/") || location.startsWith("//")
                        || location.startsWith("/\\")) {
                    return "redirect away from the site";
                }
            }
            if (res.status() >= 400) {
                String type = res.header("Content-Type");
                // Protocol errors answered before routing (bad URI, too large, too slow) are JSON everywhere.
                boolean beforeRouting = BEFORE_ROUTING.contains(res.status())
                        && type != null && type.startsWith("application/json");
                if (!beforeRouting && (type == null || !type.startsWith("text/html"))) {
                    return "page error that is not an HTML page";
                }
            }
            return null;
        }

        void assertNoFailures() {
            String report = failures.size() + " of " + sent + " requests to " + method + " " + template + " failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size())));
            assertTrue(failures.isEmpty(), report);
        }
    }
}
