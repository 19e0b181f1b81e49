package dev.raven.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz suite's corpus: bodies, ids, Authorization values and query strings that a careless
 * or hostile client might send. Every list is fixed (the random mutations use a fixed seed), so a
 * failure reproduces exactly. Inputs avoid words that the suite looks for in answers (SQL,
 * "Exception"), so an echo of the input can never pass for a leak.
 */
public final class FuzzInputs {
    /** Every field name the API reads from a body, so wrong types reach each one. */
    public static final List<String> FIELDS = List.of("username", "email", "password", "password2", "profile",
            "date_of_birth", "alias", "bio", "image_url", "background_image_url", "refresh", "refresh_token", "mode",
            "update_password", "current_password", "new_password", "content", "media", "media_url", "public",
            "search_input",
            // moderation, invites and registration modes
            "reason", "invite_code", "target_type", "target_id", "comment", "action", "role", "grant",
            "max_uses", "expires_in_days");

    private FuzzInputs() {
    }

    /** A body and the Content-Type it is sent with (null: no Content-Type header). */
    public record Body(String name, String contentType, byte[] bytes) {
        static Body json(String name, String text) {
            return new Body(name, "application/json", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static List<Body> bodies(int maxBodyBytes) {
        List<Body> bodies = new ArrayList<>();
        for (String text : List.of("", " ", "{", "}", "[", "]", "{\"a\":", "{\"a\"", "null", "true", "1", "-0", "\"s\"",
                "[]", "[1,2]", "{}", "{}{}", "{\"a\":1}x", "{'a':1}", "{a:1}", "{\"a\":1,}", "NaN", "{\"a\":NaN}",
                "{\"a\":01}", "{\"a\":.5}", "{\"a\":1e}", "\uFEFF{}", "{\"a\":\"unterminated}", "{\"\":\"\"}",
                "{\"content\":\"\\x\"}", "{\"content\":\"\\u12\"}", "{\"content\":\"\\uZZZZ\"}",
                "{\"content\":\"a\\ud800b\"}", "{\"content\":\"\\udc00\"}", "{\"username\":\"\\ud800\"}",
                "{\"content\":\"\\u0000\"}", "{\"content\":\"a\u0001b\"}", "{\"content\":\"tab\tin string\"}",
                "{\"content\":1e999999}", "{\"media\":123456789012345678901234567890}",
                "{\"content\":\"x\",\"content\":1}", "{\"profile\":{\"profile\":{\"profile\":{}}}}",
                "{\"content\":" + "9".repeat(5000) + "}")) {
            bodies.add(Body.json("json " + abbreviate(text), text));
        }
        bodies.add(Body.json("100k [", "[".repeat(100_000)));
        bodies.add(Body.json("50k {\"a\":", "{\"a\":".repeat(Math.min(50_000, maxBodyBytes / 5 - 10))));
        bodies.add(Body.json("deep but closed", "[".repeat(5_000) + "]".repeat(5_000)));
        bodies.add(Body.json("deep in a field", "{\"content\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        bodies.add(Body.json("huge string", "{\"content\":\"" + "x".repeat(maxBodyBytes - 100) + "\"}"));
        bodies.add(Body.json("many keys", manyKeys(maxBodyBytes / 20)));
        bodies.add(Body.json("over the size limit", "{\"content\":\"" + "x".repeat(maxBodyBytes + 10) + "\"}"));
        for (Object value : wrongTypes()) {
            Map<String, Object> all = new LinkedHashMap<>();
            FIELDS.forEach(field -> all.put(field, value));
            bodies.add(Body.json("every field " + abbreviate(String.valueOf(value)), Api.toJson(all)));
        }
        bodies.add(Body.json("profile not an object", "{\"profile\":[1],\"username\":\"ok_name\"}"));
        bodies.add(new Body("bytes ff fe", "application/json", bytes("{\"content\":\"a", 0xff, 0xfe, "b\"}")));
        bodies.add(new Body("overlong", "application/json", bytes("{\"content\":\"", 0xc0, 0xae, "\"}")));
        bodies.add(new Body("cesu surrogate", "application/json", bytes("{\"content\":\"", 0xed, 0xa0, 0x80, "\"}")));
        bodies.add(new Body("truncated utf-8", "application/json", bytes("{\"content\":\"", 0xe2, 0x82)));
        bodies.add(new Body("bytes in a key", "application/json", bytes("{\"", 0xff, "\":1}")));
        String valid = "{\"content\":\"hello\",\"username\":\"nobody\",\"password\":\"whatever-it-is\"}";
        for (String type : List.of("application/json; charset=x-bogus", "application/json; charset=utf-16",
                "application/json; charset=", "application/json; charset=\"", "application/json;;;charset==",
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz",
                "multipart/form-data", "*/*", "application/json; charset=iso-8859-1")) {
            bodies.add(new Body("type " + type, type, valid.getBytes(StandardCharsets.UTF_8)));
        }
        bodies.add(new Body("no content type", null, valid.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("utf-16 body", "application/json; charset=utf-16", valid.getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Body("form body", "application/x-www-form-urlencoded", "content=%ff&username=%u0031".getBytes(
                StandardCharsets.ISO_8859_1)));
        bodies.addAll(mutations(valid, 25));
        return bodies;
    }

    /** Every field a web form posts, so bad values reach each page handler's own checks. */
    public static final List<String> FORM_FIELDS = List.of("content", "media_url", "followers_only", "back", "next",
            "username", "password", "password2", "email", "alias", "bio", "date_of_birth", "image_url",
            "background_image_url", "mode", "current_password", "new_password", "q");

    /**
     * Form posts for the web app's routes: bad escapes, bytes that are not UTF-8, huge and
     * repeated fields, values of the wrong shape, and redirects to other hosts.
     */
    public static List<Body> formBodies(int maxBodyBytes) {
        String form = "application/x-www-form-urlencoded";
        List<Body> bodies = new ArrayList<>();
        for (String value : List.of("", "%", "%zz", "%e0%80", "%ff%fe", "%u0031", "%00", "a%0d%0ab", "%c0%ae",
                "%ed%a0%80", "+++", "9".repeat(400), "-1", "2026-02-30", "99999-01-01", "javascript:alert(1)",
                "//evil.example/", "/\\evil.example", "http://evil.example/", "on", "true", "\u0000")) {
            StringBuilder all = new StringBuilder();
            for (String field : FORM_FIELDS) {
                all.append(all.isEmpty() ? "" : "&").append(field).append('=').append(value);
            }
            bodies.add(new Body("form every field " + abbreviate(value), form,
                    all.toString().getBytes(StandardCharsets.ISO_8859_1)));
        }
        bodies.add(new Body("form raw bytes", form, bytes("content=a", 0xff, 0xfe, "b&username=", 0xc0, 0xae)));
        bodies.add(new Body("form no equals", form, "content&username&&=&==".getBytes(StandardCharsets.US_ASCII)));
        bodies.add(new Body("form repeated", form, "content=a&content=b&content=c&username=x&username=y"
                .getBytes(StandardCharsets.US_ASCII)));
        bodies.add(new Body("form huge value", form, ("content=" + "x".repeat(maxBodyBytes - 100))
                .getBytes(StandardCharsets.US_ASCII)));
        bodies.add(new Body("form many fields", form, "a=1&".repeat(maxBodyBytes / 5).getBytes(StandardCharsets.US_ASCII)));
        bodies.add(new Body("form over the size limit", form, ("content=" + "x".repeat(maxBodyBytes + 10))
                .getBytes(StandardCharsets.US_ASCII)));
        bodies.add(new Body("form as multipart", "multipart/form-data; boundary=zz",
                "--zz\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nhi\r\n--zz--".getBytes(
                        StandardCharsets.US_ASCII)));
        bodies.add(new Body("form with a bogus charset", form + "; charset=x-bogus",
                "content=hi".getBytes(StandardCharsets.US_ASCII)));
        return bodies;
    }

    /** JSON values of every type, for fields that expect another. */
    static List<Object> wrongTypes() {
        List<Object> values = new ArrayList<>();
        values.add(1);
        values.add(-1);
        values.add(1.5);
        values.add(true);
        values.add(List.of());
        values.add(List.of("x"));
        values.add(Map.of());
        values.add(Map.of("a", 1));
        values.add(new java.math.BigInteger("99999999999999999999"));
        values.add("x");
        values.add("");
        values.add("x".repeat(3000));
        return values;
    }

    /** Ids in place of {id}: none names anything, and none may crash a route. */
    public static List<String> badIds() {
        String arabicOne = new String("\u0661".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return List.of("%ff", "%u0031", "%", "%2", "%zz", "[1]", "{id}", "-1", "0", "00", "+1", "1.5", "1e3", "0x1",
                "99999999999999999999", "9223372036854775807", "9223372036854775808", "%D9%A1", arabicOne,
                "%EF%BC%91", "%20", "1%20", "%00", "1%00", "%2F", "..", "1;x", "%0d%0a", "%C0%AE", "%ED%A0%80",
                "x".repeat(5_000), "1".repeat(300), "x".repeat(9_000));
    }

    /** Authorization values; {@code %s} is replaced by a live access token of the caller. */
    public static List<String> authorizations(String secret, Map<String, Object> liveClaims) {
        List<String> values = new ArrayList<>(List.of("", "JWT", "Bearer", "JWT ", "Basic dXNlcjpwYXNz", "JWT garbage",
                "JWT a.b.c", "JWT ...", "JWT %s x", "JWT  %s", "jwt %s", "JWT %sx", "JWT x%s", "Token %s",
                "JWT " + "a".repeat(6_000), "JWT \u00ff\u00fe", "JWT a\u0001b", "JWT a\u007fb", "JWT a\tb"));
        values.add("JWT " + Jwts.unsigned(liveClaims));
        values.add("JWT " + Jwts.sign("HS256", secret + "-wrong", liveClaims));
        values.add("JWT " + Jwts.sign("HS512", secret, liveClaims));
        for (String claim : List.of("user_id", "sid", "exp", "iat", "jti", "token_type")) {
            for (Object value : List.of(1.5, "1", true, List.of(1), Map.of(), -1)) {
                Map<String, Object> claims = new LinkedHashMap<>(liveClaims);
                claims.put(claim, value);
                values.add("JWT " + Jwts.sign("HS256", secret, claims));
            }
            Map<String, Object> without = new LinkedHashMap<>(liveClaims);
            without.remove(claim);
            values.add("JWT " + Jwts.sign("HS256", secret, without));
        }
        return values;
    }

    /** Query strings for list routes. */
    public static List<String> queries() {
        return List.of("?limit=abc", "?limit=-1", "?limit=0", "?limit=101", "?limit=1.5", "?limit=%ff", "?limit=%u0031",
                "?limit=99999999999999999999", "?limit=", "?limit", "?limit=1&limit=2", "?cursor=%ff", "?cursor=!!!",
                "?cursor=" + "A".repeat(3_000), "?cursor=LTEuLTEuLTE", "?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTkuMC4x",
                "?cursor=%00", "?%ff=%ff", "?=&=&", "?cursor=x%u0031");
    }

    /** Valid-looking bodies with a few bytes changed, inserted or dropped: fixed seed, same every run. */
    static List<Body> mutations(String valid, int count) {
        Random random = new Random(20261129L);
        byte[] source = valid.getBytes(StandardCharsets.UTF_8);
        List<Body> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream mutated = new ByteArrayOutputStream();
            for (byte b : source) {
                int roll = random.nextInt(40);
                if (roll == 0) {
                    continue;
                }
                mutated.write(roll == 1 ? random.nextInt(256) : b);
                if (roll == 2) {
                    mutated.write("{}[]\":,\\".charAt(random.nextInt(8)));
                }
            }
            out.add(new Body("mutation " + i, "application/json", mutated.toByteArray()));
        }
        return out;
    }

    private static String manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
