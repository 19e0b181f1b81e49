package dev.raven.http;

import java.util.Map;

/** 401s, which always carry the JWT challenge header so clients know to (re)authenticate. */
public final class Unauthorized {
    public static final String CHALLENGE = "JWT realm=\"api\"";

    private Unauthorized() {
    }

    public static ApiException notAuthenticated() {
        return of("not_authenticated", "Authentication credentials were not provided.");
    }

    public static ApiException tokenNotValid(String message) {
        return of("token_not_valid", message);
    }

    public static ApiException userNotFound() {
        return of("user_not_found", "User not found or inactive.");
    }

    public static ApiException of(String code, String message) {
        return new ApiException(401, code, message, Map.of(), Map.of("WWW-Authenticate", CHALLENGE));
    }
}
