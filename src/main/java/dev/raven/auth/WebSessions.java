package dev.raven.auth;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Browser sessions. Each is a row of login_sessions like an API login, found by the SHA-256
 * of the cookie's random 256-bit token instead of by a JWT; it lives as long as a refresh
 * token would (jwt.refresh.ttl) and ends the same ways.
 */
public final class WebSessions {
    private final Jdbi jdbi;
    private final Duration ttl;
    private final Clock clock;
    private final SessionCache cache;

    public WebSessions(Jdbi jdbi, Duration ttl, Clock clock, SessionCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Starts a session inside the caller's transaction; returns the cookie's token. */
    String start(Handle handle, long userId, String userAgent, String ip) {
        Instant now = now();
        long sessionId = handle.attach(SessionDao.class)
                .createSession(userId, now, now.plus(ttl), truncate(userAgent, 255), truncate(ip, 64));
        String token = RefreshTokens.newToken();
        handle.attach(WebSessionDao.class).setWebToken(sessionId, RefreshTokens.hash(token));
        return token;
    }

    /** The caller behind a cookie token, if its session and account are still live. */
    public Optional<Principal> principal(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = RefreshTokens.hash(token);
        Instant now = now();
        return cache.findWeb(hash, now, () -> jdbi.withHandle(h -> LiveSession.findByWebToken(h, hash, now)))
                .map(LiveSession::principal);
    }

    /** The user's theme preference (users.mode), for the page's colour scheme. */
    public String mode(long userId) {
        return jdbi.withExtension(WebSessionDao.class, dao -> dao.mode(userId)).orElse("");
    }

    /** Log out: ends this one session. */
    void end(long sessionId) {
        jdbi.useExtension(SessionDao.class, dao -> dao.revokeSession(sessionId, now(), "logout"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
