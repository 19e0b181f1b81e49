package dev.raven.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Many registrations from one address: the register limit has its own test.
@WithServer("ratelimit.enabled=false")
class RegisterTest {
    private static final String REGISTER = "/api/auth/user/register/";

    static TestServer server;
    static Api api;

    static Map<String, Object> body(String username) {
        return Api.registration(username, TestUser.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> profileOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("profile");
    }

    /** Registers and expects a 400 whose errors name exactly {@code field}, among others. */
    static JsonNode rejected(Map<String, Object> body, String field) {
        Api.Res res = api.post(REGISTER, body, null);
        assertEquals(400, res.status(), res.toString());
        JsonNode json = res.json();
        assertEquals("invalid", json.get("code").asText(), res.toString());
        assertTrue(json.get("message").asText().length() > 0, res.toString());
        assertTrue(json.path("errors").has(field), "expected an error for " + field + ": " + res);
        assertTrue(json.path("errors").path(field).isArray(), res.toString());
        assertTrue(json.path("errors").path(field).get(0).asText().length() > 0, res.toString());
        return json;
    }

    @Test
    void registrationAnswers201WithTheAccountItsFullProfileAndWorkingTokens() {
        String name = Api.uniqueName("Reg");
        Map<String, Object> body = body(name);
        profileOf(body).put("bio", "Hello there");
        profileOf(body).put("image_url", "https://img.example/a.png");
        profileOf(body).put("background_image_url", "http://img.example/b.png");

        Api.Res res = api.post(REGISTER, body, null);

        assertEquals(201, res.status(), res.toString());
        JsonNode json = res.json();
        assertEquals(Set.of("email", "username", "profile", "tokens"), Auth.keys(json));
        assertEquals(name, json.get("username").asText());
        assertEquals(name.toLowerCase() + "@example.org", json.get("email").asText());

        JsonNode profile = json.get("profile");
        assertEquals(Auth.PROFILE_KEYS, Auth.keys(profile));
        assertEquals(name, profile.get("username").asText());
        assertTrue(profile.get("id").asLong() > 0);
        assertTrue(profile.get("user_id").asLong() > 0);
        assertEquals(name.toLowerCase() + "@example.org", profile.get("email").asText(), "the owner sees the email");
        assertEquals("Alias of " + name, profile.get("alias").asText());
        assertEquals("Hello there", profile.get("bio").asText());
        assertEquals("1990-05-17", profile.get("date_of_birth").asText());
        assertEquals("https://img.example/a.png", profile.get("image_url").asText());
        assertEquals("http://img.example/b.png", profile.get("background_image_url").asText());
        assertTrue(profile.get("date_joined").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"),
                profile.get("date_joined").asText());
        assertFalse(profile.get("following").asBoolean());
        for (String counter : List.of("number_of_likes", "number_of_tweets", "number_of_tweets_and_replies",
                "number_of_media", "number_of_followers", "number_of_following")) {
            assertTrue(profile.get(counter).isIntegralNumber(), counter);
            assertEquals(0, profile.get(counter).asLong(), counter);
        }

        JsonNode tokens = json.get("tokens");
        assertEquals(Set.of("refresh", "access"), Auth.keys(tokens));
        Api.Res me = api.get("/api/auth/user/current_user/", tokens.get("access").asText());
        assertEquals(202, me.status(), me.toString());
        assertEquals(profile.get("user_id").asLong(), me.json().get("user_id").asLong());
        assertEquals(200, api.post("/api/auth/refresh_token/", Map.of("refresh", tokens.get("refresh").asText()), null)
                .status());
    }

    @Test
    void optionalProfileFieldsMayBeLeftOut() {
        String name = Api.uniqueName("Minimal");
        Map<String, Object> body = body(name);
        body.put("profile", Map.of("date_of_birth", "2000-01-01"));

        Api.Res res = api.post(REGISTER, body, null);

        assertEquals(201, res.status(), res.toString());
        JsonNode profile = res.json().get("profile");
        assertEquals("", profile.get("alias").asText());
        assertEquals("", profile.get("bio").asText());
        assertTrue(profile.get("image_url").isNull());
        assertTrue(profile.get("background_image_url").isNull());
    }

    @Test
    void aMatchingPassword2IsAccepted() {
        Map<String, Object> body = body(Api.uniqueName("Twice"));
        body.put("password2", TestUser.PASSWORD);
        assertEquals(201, api.post(REGISTER, body, null).status());
    }

    @Test
    void theNewUserCanLogInWithTheChosenPassword() {
        String name = Api.uniqueName("Fresh");
        api.register(name);
        assertEquals(200, api.login(name, TestUser.PASSWORD).status());
    }

    @Test
    void aTakenUsernameIs409IgnoringCase() {
        String name = Api.uniqueName("Taken");
        api.register(name);
        Map<String, Object> body = body(name.toUpperCase());
        body.put("email", "other_" + name.toLowerCase() + "@example.org");

        Api.Res res = api.post(REGISTER, body, null);

        assertEquals(409, res.status(), res.toString());
        assertEquals("Username already exists", res.json().get("message").asText());
    }

    @Test
    void aTakenEmailIs409IgnoringCase() {
        String name = Api.uniqueName("Mail");
        api.register(name);
        Map<String, Object> body = body(Api.uniqueName("Other"));
        body.put("email", name.toUpperCase() + "@EXAMPLE.ORG");

        Api.Res res = api.post(REGISTER, body, null);

        assertEquals(409, res.status(), res.toString());
        assertEquals("Email already exists", res.json().get("message").asText());
    }

    @Test
    void usernamesOutsideTheAllowedPatternAre400() {
        for (String bad : List.of("", "has space", "dash-name", "ünïcödé", "dot.name", "x".repeat(31))) {
            rejected(body(bad), "username");
        }
    }

    @Test
    void aUsernameOfThirtyCharactersIsAccepted() {
        String name = (Api.uniqueName("L") + "_".repeat(30)).substring(0, 30);
        assertEquals(201, api.post(REGISTER, body(name), null).status());
    }

    @Test
    void aMissingUsernameIs400() {
        Map<String, Object> body = body(Api.uniqueName("NoName"));
        body.remove("username");
        rejected(body, "username");
    }

    @Test
    void invalidOrMissingEmailsAre400() {
        for (String bad : List.of("not-an-email", "a@b", "two@@example.org", "sp ace@example.org", "")) {
            Map<String, Object> body = body(Api.uniqueName("BadMail"));
            body.put("email", bad);
            rejected(body, "email");
        }
        Map<String, Object> body = body(Api.uniqueName("NoMail"));
        body.remove("email");
        rejected(body, "email");
    }

    @Test
    void passwordsShorterThanEightBytesAre400() {
        Map<String, Object> body = body(Api.uniqueName("Short"));
        body.put("password", "seven77");
        rejected(body, "password");
    }

    @Test
    void passwordsLongerThan72BytesAre400() {
        Map<String, Object> body = body(Api.uniqueName("Long"));
        body.put("password", "p".repeat(73));
        rejected(body, "password");
    }

    @Test
    void passwordLengthIsCountedInUtf8Bytes() {
        // 37 two-byte characters are 74 bytes: too long although only 37 characters.
        Map<String, Object> tooLong = body(Api.uniqueName("Multi"));
        tooLong.put("password", "é".repeat(37));
        rejected(tooLong, "password");

        // 4 two-byte characters are 8 bytes: long enough although only 4 characters.
        String name = Api.uniqueName("Bytes");
        Map<String, Object> eightBytes = body(name);
        eightBytes.put("password", "éééé");
        assertEquals(201, api.post(REGISTER, eightBytes, null).status());
        assertEquals(200, api.login(name, "éééé").status());
    }

    @Test
    void aPasswordOfExactly72BytesIsAcceptedAndWorks() {
        String ascii = Api.uniqueName("Max");
        Map<String, Object> body = body(ascii);
        body.put("password", "p".repeat(72));
        assertEquals(201, api.post(REGISTER, body, null).status());
        assertEquals(200, api.login(ascii, "p".repeat(72)).status());

        String multi = Api.uniqueName("MaxMulti");
        Map<String, Object> multiBody = body(multi);
        multiBody.put("password", "é".repeat(36));
        assertEquals(201, api.post(REGISTER, multiBody, null).status());
        assertEquals(200, api.login(multi, "é".repeat(36)).status());
    }

    @Test
    void aMissingPasswordIs400() {
        Map<String, Object> body = body(Api.uniqueName("NoPass"));
        body.remove("password");
        rejected(body, "password");
    }

    @Test
    void aPasswordEqualToTheUsernameIs400() {
        String name = Api.uniqueName("samename");
        Map<String, Object> body = body(name);
        body.put("password", name);
        rejected(body, "password");
    }

    @Test
    void aPassword2ThatDoesNotMatchIs400() {
        Map<String, Object> body = body(Api.uniqueName("Mismatch"));
        body.put("password2", TestUser.PASSWORD + "x");
        rejected(body, "password2");
    }

    @Test
    void aMissingProfileIs400() {
        Map<String, Object> body = body(Api.uniqueName("NoProfile"));
        body.remove("profile");
        rejected(body, "profile");
    }

    @Test
    void aMissingDateOfBirthIs400() {
        Map<String, Object> body = body(Api.uniqueName("NoBirth"));
        profileOf(body).remove("date_of_birth");
        rejected(body, "profile.date_of_birth");
    }

    @Test
    void aDateOfBirthThatIsNotInThePastIs400() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate date : List.of(today.plusDays(2), today.plusYears(1))) {
            Map<String, Object> body = body(Api.uniqueName("Future"));
            profileOf(body).put("date_of_birth", date.toString());
            rejected(body, "profile.date_of_birth");
        }
    }

    @Test
    void aDateOfBirthThatIsNotARealDateIs400() {
        for (String bad : List.of("1990-02-30", "17/05/1990", "yesterday")) {
            Map<String, Object> body = body(Api.uniqueName("Fake"));
            profileOf(body).put("date_of_birth", bad);
            rejected(body, "profile.date_of_birth");
        }
    }

    @Test
    void anAliasLongerThan50CharactersIs400() {
        Map<String, Object> ok = body(Api.uniqueName("Alias50"));
        profileOf(ok).put("alias", "a".repeat(50));
        assertEquals(201, api.post(REGISTER, ok, null).status());

        Map<String, Object> body = body(Api.uniqueName("Alias51"));
        profileOf(body).put("alias", "a".repeat(51));
        rejected(body, "profile.alias");
    }

    @Test
    void aliasAndBioLimitsCountCharactersNotUtf16Units() {
        // An emoji is one character but two UTF-16 units: the full limit of them must be stored.
        String name = Api.uniqueName("Emoji");
        Map<String, Object> body = body(name);
        profileOf(body).put("alias", "😀".repeat(50));
        profileOf(body).put("bio", "🐦".repeat(500));

        Api.Res res = api.post(REGISTER, body, null);

        assertEquals(201, res.status(), res.toString());
        assertEquals("😀".repeat(50), res.json().at("/profile/alias").asText());
        assertEquals("🐦".repeat(500), res.json().at("/profile/bio").asText());

        Map<String, Object> tooLong = body(Api.uniqueName("Emoji"));
        profileOf(tooLong).put("alias", "😀".repeat(51));
        profileOf(tooLong).put("bio", "🐦".repeat(501));
        JsonNode json = rejected(tooLong, "profile.alias");
        assertTrue(json.get("errors").has("profile.bio"), json.toString());
    }

    @Test
    void anEmailTooLongOnceLowerCasedIs400() {
        // "İ" lower-cases to two characters: 200 of them make a 400-character key.
        Map<String, Object> body = body(Api.uniqueName("Dotted"));
        body.put("email", "a@" + "İ".repeat(200) + ".example");
        rejected(body, "email");
    }

    @Test
    void anEmailLongerThan254CharactersIs400() {
        Map<String, Object> body = body(Api.uniqueName("LongMail"));
        body.put("email", "a".repeat(64) + "@" + "d".repeat(190) + ".org");
        rejected(body, "email");
    }

    @Test
    void aBioLongerThan500CharactersIs400() {
        Map<String, Object> body = body(Api.uniqueName("Bio"));
        profileOf(body).put("bio", "b".repeat(501));
        rejected(body, "profile.bio");
    }

    @Test
    void imageUrlsThatAreNotHttpAre400() {
        for (String bad : List.of("ftp://img.example/a.png", "javascript:alert(1)", "not a url", "/relative.png")) {
            Map<String, Object> body = body(Api.uniqueName("Img"));
            profileOf(body).put("image_url", bad);
            rejected(body, "profile.image_url");

            Map<String, Object> background = body(Api.uniqueName("Bg"));
            profileOf(background).put("background_image_url", bad);
            rejected(background, "profile.background_image_url");
        }
    }

    @Test
    void imageUrlsLongerThan2048CharactersAre400() {
        Map<String, Object> body = body(Api.uniqueName("LongUrl"));
        profileOf(body).put("image_url", "https://img.example/" + "a".repeat(2048));
        rejected(body, "profile.image_url");
    }

    @Test
    void everyInvalidFieldIsReportedInOneAnswer() {
        Map<String, Object> body = body("bad name");
        body.put("email", "nope");
        body.put("password", "short");
        JsonNode json = rejected(body, "username");
        assertTrue(json.get("errors").has("email"), json.toString());
        assertTrue(json.get("errors").has("password"), json.toString());
    }

    @Test
    void wrongJsonTypesAre400() {
        Map<String, Object> number = body(Api.uniqueName("Types"));
        number.put("username", 12345);
        rejected(number, "username");

        Map<String, Object> profileString = body(Api.uniqueName("Types"));
        profileString.put("profile", "1990-01-01");
        assertEquals(400, api.post(REGISTER, profileString, null).status());

        Map<String, Object> aliasNumber = body(Api.uniqueName("Types"));
        profileOf(aliasNumber).put("alias", 7);
        assertEquals(400, api.post(REGISTER, aliasNumber, null).status());

        assertEquals(400, api.raw("POST", REGISTER, "[]", null).status());
        assertEquals(400, api.raw("POST", REGISTER, "\"text\"", null).status());
    }

    @Test
    void malformedJsonIs400() {
        Api.Res res = api.raw("POST", REGISTER, "{\"username\": \"x\",", null);
        assertEquals(400, res.status(), res.toString());
        assertEquals("malformed_json", res.json().get("code").asText());
    }

    @Test
    void anEmptyBodyReportsTheRequiredFields() {
        JsonNode json = rejected(Map.of(), "username");
        assertTrue(json.get("errors").has("email"));
        assertTrue(json.get("errors").has("password"));
        assertTrue(json.get("errors").has("profile"));
    }

    @Test
    void aRejectedRegistrationCreatesNoAccount() {
        String name = Api.uniqueName("Rejected");
        Map<String, Object> body = body(name);
        body.put("password2", "something-else");
        rejected(body, "password2");
        assertEquals(201, api.post(REGISTER, body(name), null).status(), "the name is still free");
    }
}
