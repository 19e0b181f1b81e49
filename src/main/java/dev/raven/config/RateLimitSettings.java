package dev.raven.config;

import dev.raven.ratelimit.LimitRule;

import java.time.Duration;

/**
 * Limits on the auth routes; see the ratelimit.* keys in config.properties. The rules are
 * named here once, so the API and the web forms count against the same buckets.
 */
public record RateLimitSettings(
        boolean enabled,
        int loginMaxPerUsername,
        int loginMaxPerAddress,
        Duration loginWindow,
        int registerMax,
        Duration registerWindow,
        int refreshMax,
        Duration refreshWindow) {

    /** Failed logins per username (wrong current passwords in an edit count too). */
    public LimitRule loginPerUsername() {
        return new LimitRule("login-user", loginMaxPerUsername, loginWindow);
    }

    public LimitRule loginPerAddress() {
        return new LimitRule("login-ip", loginMaxPerAddress, loginWindow);
    }

    public LimitRule registerPerAddress() {
        return new LimitRule("register-ip", registerMax, registerWindow);
    }

    public LimitRule refreshPerAddress() {
        return new LimitRule("refresh-ip", refreshMax, refreshWindow);
    }
}
