package dev.raven.auth;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The housekeeping purge, run on the live server's database by a Sessions whose clock is
 * set where the test wants it: what can never be used again goes, nothing usable does.
 */
class SessionPurgeTest {
    private static final Duration REFRESH_TTL = Duration.ofDays(14);

    private TestServer server;
    private Api api;
    private Jdbi jdbi;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("ratelimit.enabled", "false"));
        api = server.api();
        jdbi = server.app().database().jdbi();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void purgeAt(Instant when) {
        Clock clock = Clock.fixed(when, ZoneOffset.UTC);
        new Sessions(jdbi, new AccessTokens("s".repeat(32), Duration.ofMinutes(15), clock), REFRESH_TTL, Duration.ofSeconds(30), clock,
                SessionCache.disabled())
                .purgeExpired();
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void purgingNowRemovesNothingThatCanStillBeUsed() {
        TestUser user = api.register(Api.uniqueName("Live"));
        TestUser other = api.register(Api.uniqueName("Other"));
        Auth.logout(api, other.refresh(), other.access());

        purgeAt(Instant.now());

        assertEquals(202, Auth.currentUser(api, user.access()).status());
        assertEquals(200, Auth.refresh(api, user.refresh()).status());
    }

    @Test
    void spentTokensStayUntilTheyExpireSoReuseIsStillCaught() {
        TestUser user = api.register(Api.uniqueName("Reuse"));
        String second = Auth.refresh(api, user.refresh()).json().get("refresh").asText();
        String newest = Auth.refresh(api, second).json().get("refresh").asText();

        purgeAt(Instant.now());

        Auth.assertTokenNotValid(Auth.refresh(api, user.refresh()));
        Auth.assertTokenNotValid(Auth.refresh(api, newest));
    }

    @Test
    void expiredTokensAndLongDeadSessionsAreDeleted() {
        TestUser ended = api.register(Api.uniqueName("Ended"));
        api.register(Api.uniqueName("Idle"));
        Auth.logout(api, ended.refresh(), ended.access());
        assertEquals(2, count("login_sessions"));
        assertEquals(2, count("refresh_tokens"));

        // A day after every refresh token ran out: the tokens go, and the session ended
        // more than a refresh lifetime ago goes; the idle one only expired a day ago and stays.
        purgeAt(Instant.now().plus(REFRESH_TTL).plus(Duration.ofDays(1)));
        assertEquals(0, count("refresh_tokens"));
        assertEquals(1, count("login_sessions"));

        purgeAt(Instant.now().plus(REFRESH_TTL.multipliedBy(2)).plus(Duration.ofDays(1)));
        assertEquals(0, count("login_sessions"));
    }
}
