package dev.raven.moderation;

import dev.raven.support.Api;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WebClient;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** registration.mode=closed: register answers 403; the sign-up page says so. */
@WithServer({"registration.mode=closed"})
class ClosedRegistrationTest {
    static TestServer server;
    static Api api;

    @Test
    void registerAnswers403AndTheInstanceSaysClosed() {
        assertEquals("closed", api.get("/api/instance/", null).json().at("/registration/mode").asText());
        Api.Res res = api.post("/api/auth/user/register/", Api.registration(Api.uniqueName("Late"), TestUser.PASSWORD),
                null);
        assertEquals(403, res.status(), res.toString());
        assertEquals("registration_closed", res.json().get("code").asText());
    }

    @Test
    void theSignUpPageSaysRegistrationIsClosed() {
        WebClient web = WebClient.of(server);
        WebClient.Page page = web.get("/signup");
        assertTrue(page.body().contains("Registration is closed"), page.body());
        WebClient.Page post = web.post("/signup", Map.of("username", "x", "email", "x@example.org",
                "password", TestUser.PASSWORD, "password2", TestUser.PASSWORD, "date_of_birth", "1990-05-17"));
        assertEquals(403, post.status());
    }
}
