package dev.raven.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.HttpRequestWithBody;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestInstance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small HTTP client for tests: real requests through Unirest, JSON answers as trees. */
public final class Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final UnirestInstance http;

    public Api(String baseUrl) {
        this.http = Unirest.spawnInstance();
        http.config().defaultBaseUrl(baseUrl).followRedirects(false).enableCookieManagement(false);
    }

    public Res get(String path, String token) {
        return send(http.get(path), token);
    }

    public Res post(String path, Object body, String token) {
        return send(withBody(http.post(path), body), token);
    }

    public Res put(String path, Object body, String token) {
        return send(withBody(http.put(path), body), token);
    }

    public Res delete(String path, Object body, String token) {
        return send(withBody(http.delete(path), body), token);
    }

    /** Sends a raw body string as-is, for malformed-input tests. */
    public Res raw(String method, String path, String body, String token) {
        HttpRequestWithBody req = http.request(method, path);
        if (token != null) {
            req.header("Authorization", "JWT " + token);
        }
        return Res.of(req.header("Content-Type", "application/json").body(body).asString());
    }

    /** Sends with a custom Authorization header value (or none when null). */
    public Res getWithAuthorization(String path, String authorization) {
        HttpRequest<?> req = http.get(path);
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        return Res.of(req.asString());
    }

    /** POST multipart: one file in {@code field} (named {@code fileName}) and text fields. */
    public Res upload(String path, String field, byte[] file, String fileName, Map<String, String> fields,
                      String token) {
        var req = http.post(path).field(field, new java.io.ByteArrayInputStream(file),
                kong.unirest.core.ContentType.APPLICATION_OCTET_STREAM, fileName);
        fields.forEach(req::field);
        if (token != null) {
            req.header("Authorization", "JWT " + token);
        }
        return Res.of(req.asString());
    }

    /** POST /api/media/ with a picture; answers 201 and the upload as JSON when accepted. */
    public Res uploadPicture(byte[] file, String fileName, String description, String token) {
        return upload("/api/media/", "file", file, fileName,
                description == null ? Map.of() : Map.of("description", description), token);
    }

    /** A binary GET (served media): status, headers and the bytes; {@code headers} go with the request. */
    public Bytes getBytes(String url, Map<String, String> headers) {
        HttpRequest<?> req = http.get(url);
        headers.forEach(req::header);
        HttpResponse<byte[]> r = req.asBytes();
        return new Bytes(r.getStatus(), r.getBody() == null ? new byte[0] : r.getBody(), r.getHeaders());
    }

    public record Bytes(int status, byte[] body, kong.unirest.core.Headers headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private HttpRequest<?> withBody(HttpRequestWithBody req, Object body) {
        if (body == null) {
            return req;
        }
        return req.header("Content-Type", "application/json").body(toJson(body));
    }

    private Res send(HttpRequest<?> req, String token) {
        if (token != null) {
            req.header("Authorization", "JWT " + token);
        }
        return Res.of(req.asString());
    }

    public static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A unique username for this JVM run. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + COUNTER.incrementAndGet();
    }

    /** Registers a user with a known password and returns its ids and tokens. */
    public TestUser register(String username) {
        return register(username, TestUser.PASSWORD);
    }

    public TestUser register(String username, String password) {
        Map<String, Object> body = registration(username, password);
        Res res = post("/api/auth/user/register/", body, null);
        if (res.status() != 201) {
            throw new AssertionError("registration of " + username + " failed: " + res.status() + " " + res.body());
        }
        JsonNode json = res.json();
        return new TestUser(json.at("/profile/user_id").asLong(), json.at("/profile/id").asLong(), username,
                json.at("/tokens/access").asText(), json.at("/tokens/refresh").asText());
    }

    /** A valid registration body, to be changed by tests of its rules. */
    public static Map<String, Object> registration(String username, String password) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("date_of_birth", "1990-05-17");
        profile.put("alias", "Alias of " + username);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("email", username.toLowerCase() + "@example.org");
        body.put("password", password);
        body.put("profile", profile);
        return body;
    }

    /** Logs in and returns {refresh, access}. */
    public Res login(String username, String password) {
        return post("/api/auth/obtain_token/", Map.of("username", username, "password", password), null);
    }

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record Res(int status, String body, kong.unirest.core.Headers headers) {
        static Res of(HttpResponse<String> r) {
            return new Res(r.getStatus(), r.getBody() == null ? "" : r.getBody(), r.getHeaders());
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
