package dev.raven.health;

import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@WithServer
class HealthTest {
    static TestServer server;
    static Api api;

    @Test
    void healthAnswersOkWhenTheDatabaseAnswers() {
        Api.Res res = api.get("/health", null);
        assertEquals(200, res.status());
        assertEquals("ok", res.json().get("status").asText());
    }

    @Test
    void unknownRoutesAreJson404s() {
        Api.Res res = api.get("/api/no/such/route/", null);
        assertEquals(404, res.status());
        assertEquals("not_found", res.json().get("code").asText());
    }

    @Test
    void nonNumericIdsAreJson404s() {
        Api.Res res = api.get("/health/abc", null);
        assertEquals(404, res.status());
        assertEquals("not_found", res.json().get("code").asText());
    }

    @Test
    void healthIs503WhenTheDatabaseDoesNotAnswer() {
        try (TestServer broken = TestServer.start()) {
            broken.app().database().close();

            Api.Res res = broken.api().get("/health", null);

            assertEquals(503, res.status(), res.toString());
            assertEquals("database_unavailable", res.json().get("code").asText());
        }
    }
}
