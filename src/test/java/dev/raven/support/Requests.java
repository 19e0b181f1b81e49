package dev.raven.support;

import kong.unirest.core.HttpRequestWithBody;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestInstance;

import java.util.Map;

/** Requests with any method, headers and raw body: for tests of the HTTP edges (CORS, schemes, sizes). */
public final class Requests {
    private final UnirestInstance http;

    public Requests(String baseUrl) {
        this.http = Unirest.spawnInstance();
        http.config().defaultBaseUrl(baseUrl).followRedirects(false).enableCookieManagement(false);
    }

    /** Sends {@code body} as-is (none when null) with exactly the given extra headers. */
    public Api.Res send(String method, String path, String body, Map<String, String> headers) {
        HttpRequestWithBody req = http.request(method, path);
        headers.forEach(req::header);
        if (body == null) {
            return Api.Res.of(req.asString());
        }
        if (!headers.containsKey("Content-Type")) {
            req.header("Content-Type", "application/json");
        }
        return Api.Res.of(req.body(body).asString());
    }
}
