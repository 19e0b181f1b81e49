package dev.raven.http;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.RawHttp;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.raven.support.RawHttp.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies are UTF-8 JSON: another charset is a 415, and text that is not valid Unicode (bytes
 * that are not UTF-8, escapes of unpaired surrogates) is a 400 invalid_text, never stored altered.
 */
@WithServer("ratelimit.enabled=false")
class BodyTextTest {
    private static final String TWEETS = "/api/tweets/tweets_list/";

    static TestServer server;
    static Api api;
    static RawHttp raw;
    static TestUser user;

    @BeforeAll
    static void start() {
        raw = new RawHttp(server.app().port(), 10_000);
        user = api.register(Api.uniqueName("Text"));
    }

    static RawHttp.Response postJson(String path, String contentType, byte[] body) {
        return raw.send("POST", path, Map.of("Authorization", "JWT " + user.access(), "Content-Type", contentType),
                body);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(String before, int[] bytes, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    static int tweetsOf(TestUser author) {
        Api.Res res = api.get("/api/tweets/get_tweets/" + author.userId() + "/", author.access());
        assertEquals(200, res.status(), res.toString());
        return res.json().size();
    }

    @Test
    void aBogusCharsetIsA415() {
        // A charset Java does not know once failed as a 500 when the body was read.
        byte[] login = utf8("{\"username\": \"nobody\", \"password\": \"whatever-it-is\"}");
        for (String charset : List.of("x-bogus", "iso-8859-1", "utf-16", "\"\"", "=")) {
            RawHttp.Response res = raw.send("POST", Auth.OBTAIN,
                    Map.of("Content-Type", "application/json; charset=" + charset), login);
            assertJsonError(res, 415, "unsupported_charset");
        }
    }

    @Test
    void utf8IsAcceptedUnderEveryNameAndWithoutACharset() {
        byte[] login = utf8("{\"username\": \"nobody\", \"password\": \"whatever-it-is\"}");
        for (String type : List.of("application/json", "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; charset=utf8")) {
            RawHttp.Response res = raw.send("POST", Auth.OBTAIN, Map.of("Content-Type", type), login);
            assertJsonError(res, 401, "not_authenticated");
        }
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedNotStoredAsAQuestionMark() {
        // It used to be stored as "a?b" with a 201.
        TestUser author = api.register(Api.uniqueName("Surrogate"));
        for (String escaped : List.of("a\\ud800b", "a\\udc00b", "end\\ud83d", "\\udc00\\ud800", "\\ud800\\ud800")) {
            RawHttp.Response res = raw.send("POST", TWEETS, Map.of("Authorization", "JWT " + author.access(),
                    "Content-Type", "application/json"), utf8("{\"content\": \"" + escaped + "\"}"));
            assertJsonError(res, 400, "invalid_text");
            assertTrue(res.jsonOrNull().path("errors").has("content"), res.toString());
        }
        assertEquals(0, tweetsOf(author));
    }

    @Test
    void aSurrogatePairEscapeIsOneCharacterAndIsKept() {
        RawHttp.Response res = postJson(TWEETS, "application/json", utf8("{\"content\": \"a\\ud83d\\ude00b\"}"));
        assertEquals(201, res.status(), res.toString());
        assertEquals("a\uD83D\uDE00b", res.jsonOrNull().get("content").asText());
    }

    @Test
    void aLoneSurrogateInANestedFieldNamesThatField() {
        String body = Api.toJson(Api.registration(Api.uniqueName("Nested"), TestUser.PASSWORD))
                .replace("\"alias\":\"", "\"alias\":\"x\\udfff");
        RawHttp.Response res = raw.send("POST", Auth.REGISTER, Map.of("Content-Type", "application/json"), utf8(body));
        assertJsonError(res, 400, "invalid_text");
        assertTrue(res.jsonOrNull().path("errors").has("profile.alias"), res.toString());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        TestUser author = api.register(Api.uniqueName("Bytes"));
        List<int[]> bad = List.of(new int[]{0xff, 0xfe}, new int[]{0xc0, 0xae}, new int[]{0xed, 0xa0, 0x80},
                new int[]{0xe2, 0x82}, new int[]{0x80}, new int[]{0xf8, 0x88, 0x80, 0x80, 0x80});
        for (int[] bytes : bad) {
            RawHttp.Response res = raw.send("POST", TWEETS, Map.of("Authorization", "JWT " + author.access(),
                    "Content-Type", "application/json"), concat("{\"content\": \"a", bytes, "b\"}"));
            assertJsonError(res, 400, "invalid_text");
        }
        assertEquals(0, tweetsOf(author));
    }

    @Test
    void validMultiByteUtf8IsStoredAsSent() {
        String content = "caf\u00e9 \u0661\u0662 \uD83D\uDE00";
        RawHttp.Response res = postJson(TWEETS, "application/json; charset=utf-8",
                utf8("{\"content\": \"" + content + "\"}"));
        assertEquals(201, res.status(), res.toString());
        assertEquals(content, res.jsonOrNull().get("content").asText());
    }
}
