package dev.raven.instance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.Version;
import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@WithServer({"instance.name=Birds of Leeds", "tweet.max.length=500"})
class InstanceTest {
    static TestServer server;
    static Api api;

    @Test
    void instanceIsPublicAndNamesTheServerItsVersionAndItsLimits() {
        Api.Res res = api.get("/api/instance/", null);

        assertEquals(200, res.status(), res.toString());
        assertEquals("application/json", res.header("Content-Type"));
        JsonNode json = res.json();
        assertEquals("Birds of Leeds", json.get("name").asText());
        assertEquals(Version.current(), json.get("version").asText());
        JsonNode limits = json.get("limits");
        assertEquals(500, limits.get("tweet_max_length").asInt());
        assertEquals(500, limits.get("reply_max_length").asInt());
        assertEquals(30, limits.get("username_max_length").asInt());
        assertEquals(8, limits.get("password_min_bytes").asInt());
        assertEquals(72, limits.get("password_max_bytes").asInt());
        assertEquals(100, limits.get("page_size_max").asInt());
        assertEquals(50, limits.get("page_size_default").asInt());
        assertEquals(65536, limits.get("request_body_max_bytes").asLong());
    }

    @Test
    void instanceAnswersWithOrWithoutTrailingSlashAndIgnoresABadToken() {
        assertEquals(200, api.get("/api/instance", null).status());
        assertEquals(200, api.get("/api/instance/", "not-a-token").status());
    }

    @Test
    void instanceOnlyAnswersGet() {
        Api.Res res = api.post("/api/instance/", Map.of(), null);

        assertEquals(404, res.status(), res.toString());
        assertEquals("not_found", res.json().get("code").asText());
    }
}
