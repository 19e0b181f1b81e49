package dev.raven.support;

import kong.unirest.core.Cookie;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser with JavaScript off, over real HTTP: keeps the session cookie, reads the CSRF
 * token from the pages it gets, and posts forms as a browser would
 * (application/x-www-form-urlencoded). Redirects are not followed, so tests see them.
 */
public final class WebClient {
    public static final String COOKIE = "raven_session";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final UnirestInstance http;
    private String session;
    private String csrf;

    public WebClient(String baseUrl) {
        this.http = Unirest.spawnInstance();
        http.config().defaultBaseUrl(baseUrl).followRedirects(false).enableCookieManagement(false);
    }

    public static WebClient of(TestServer server) {
        return new WebClient(server.baseUrl());
    }

    /** A browser signed in through the log-in form as a user made through the API. */
    public static WebClient signedIn(TestServer server, TestUser user) {
        return signedIn(server, user.username(), TestUser.PASSWORD);
    }

    public static WebClient signedIn(TestServer server, String username, String password) {
        WebClient browser = of(server);
        Page page = browser.logIn(username, password);
        if (page.status() != 303) {
            throw new AssertionError("log-in of " + username + " failed: " + page.status() + " " + page.body());
        }
        return browser;
    }

    /** GET a page; remembers the CSRF token it carries. */
    public Page get(String path) {
        return get(path, Map.of());
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest<?> req = http.get(path);
        headers.forEach(req::header);
        return send(req);
    }

    /** POSTs a form with this session's CSRF token added. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        return postExactly(path, all, Map.of());
    }

    /** POSTs exactly these fields (no token added) with these headers. */
    public Page postExactly(String path, Map<String, Object> fields, Map<String, String> headers) {
        var req = http.post(path);
        headers.forEach(req::header);
        if (session != null) {
            req.header("Cookie", COOKIE + "=" + session);
        }
        return keep(req.fields(fields).asString());
    }

    /** POSTs a multipart form (with this session's CSRF token) holding one file, as a browser's file input would. */
    public Page postWithFile(String path, Map<String, String> fields, String fileField, byte[] file, String fileName) {
        var req = http.post(path);
        if (session != null) {
            req.header("Cookie", COOKIE + "=" + session);
        }
        var body = req.field(fileField, new java.io.ByteArrayInputStream(file),
                kong.unirest.core.ContentType.APPLICATION_OCTET_STREAM, fileName);
        if (csrf != null) {
            body.field("_csrf", csrf);
        }
        fields.forEach(body::field);
        return keep(body.asString());
    }

    private Page send(HttpRequest<?> req) {
        if (session != null) {
            req.header("Cookie", COOKIE + "=" + session);
        }
        return keep(req.asString());
    }

    private Page keep(HttpResponse<String> r) {
        Page page = new Page(r.getStatus(), r.getBody() == null ? "" : r.getBody(), r.getHeaders());
        for (Cookie c : r.getCookies()) {
            if (c.getName().equals(COOKIE)) {
                session = c.getValue().isEmpty() || c.getMaxAge() == 0 ? null : c.getValue();
            }
        }
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Signs up through the form (and is then signed in). */
    public Page signUp(String username) {
        Page page = post("/signup", Map.of("username", username, "alias", "Alias of " + username,
                "email", username.toLowerCase() + "@example.org", "date_of_birth", "1990-05-17",
                "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD));
        if (page.status() != 303) {
            throw new AssertionError("sign-up of " + username + " failed: " + page.status() + " " + page.body());
        }
        get("/");
        return page;
    }

    public Page logIn(String username, String password) {
        Page page = post("/login", Map.of("username", username, "password", password));
        if (page.status() == 303) {
            get("/");
        }
        return page;
    }

    public String session() {
        return session;
    }

    public void setSession(String token) {
        this.session = token;
    }

    public String csrf() {
        return csrf;
    }

    /** A page as the server answered it. */
    public record Page(int status, String body, kong.unirest.core.Headers headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String location() {
            return header("Location");
        }

        public java.util.List<String> setCookies() {
            return headers.get("Set-Cookie");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
