package dev.raven.config;

import java.time.Duration;

/** Limits on the auth routes; see the ratelimit.* keys in config.properties. */
public record RateLimitSettings(
        boolean enabled,
        int loginMaxPerUsername,
        int loginMaxPerAddress,
        Duration loginWindow,
        int registerMax,
        Duration registerWindow,
        int refreshMax,
        Duration refreshWindow) {
}
