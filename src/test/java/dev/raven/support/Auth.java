package dev.raven.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The auth routes' paths, the calls tests make on them, and the checks they share. */
public final class Auth {
    public static final String OBTAIN = "/api/auth/obtain_token/";
    public static final String REFRESH = "/api/auth/refresh_token/";
    public static final String REGISTER = "/api/auth/user/register/";
    public static final String CURRENT_USER = "/api/auth/user/current_user/";
    public static final String LOGOUT = "/api/auth/user/logout/";
    public static final String LOGOUT_ALL = "/api/auth/user/logout_all/";
    public static final String EDIT = "/api/auth/user/edit/";
    public static final String DELETE = "/api/auth/user/delete/";

    public static final String CHALLENGE = "JWT realm=\"api\"";

    /** The contract's Profile object, key for key. */
    public static final Set<String> PROFILE_KEYS = Set.of("username", "id", "user_id", "email", "alias", "bio",
            "number_of_likes", "number_of_tweets", "number_of_tweets_and_replies", "number_of_media",
            "date_of_birth", "image_url", "background_image_url", "date_joined", "following",
            "number_of_followers", "number_of_following",
            // additions of the moderation issue: does the viewer block / mute this profile
            "blocking", "muting");

    private Auth() {
    }

    public static Api.Res refresh(Api api, String refreshToken) {
        return api.post(REFRESH, Map.of("refresh", refreshToken), null);
    }

    public static Api.Res logout(Api api, String refreshToken, String access) {
        return api.post(LOGOUT, Map.of("refresh_token", refreshToken), access);
    }

    public static Api.Res currentUser(Api api, String access) {
        return api.get(CURRENT_USER, access);
    }

    /** Logs in with the test password and returns the new session's tokens. */
    public static JsonNode newSession(Api api, TestUser user) {
        Api.Res res = api.login(user.username(), TestUser.PASSWORD);
        assertEquals(200, res.status(), res.toString());
        return res.json();
    }

    public static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** A 401 with the given code and the JWT challenge, as the contract requires of every 401. */
    public static void assertUnauthorized(Api.Res res, String code) {
        assertEquals(401, res.status(), res.toString());
        assertEquals(code, res.json().get("code").asText(), res.toString());
        assertEquals(CHALLENGE, res.header("WWW-Authenticate"), res.toString());
    }

    public static void assertTokenNotValid(Api.Res res) {
        assertUnauthorized(res, "token_not_valid");
    }
}
