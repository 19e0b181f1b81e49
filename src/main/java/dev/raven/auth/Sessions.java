package dev.raven.auth;

import dev.raven.http.ApiException;
import dev.raven.http.Unauthorized;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Login sessions: each login starts one; refresh tokens rotate within it; ending it
 * ends its access tokens too, because every authenticated request checks the session.
 */
public final class Sessions {
    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final Jdbi jdbi;
    private final AccessTokens accessTokens;
    private final Duration refreshTtl;
    private final Duration refreshGrace;
    private final Clock clock;
    private final SessionCache cache;

    public Sessions(Jdbi jdbi, AccessTokens accessTokens, Duration refreshTtl, Duration refreshGrace, Clock clock,
                    SessionCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.accessTokens = accessTokens;
        this.refreshTtl = refreshTtl;
        this.refreshGrace = refreshGrace;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Starts a session inside the caller's transaction and returns its first tokens. */
    public Tokens start(Handle handle, long userId, String userAgent, String ip) {
        Instant now = now();
        long sessionId = handle.attach(SessionDao.class)
                .createSession(userId, now, now.plus(refreshTtl), truncate(userAgent, 255), truncate(ip, 64));
        return issue(handle, userId, sessionId, now);
    }

    private Tokens issue(Handle handle, long userId, long sessionId, Instant now) {
        String refresh = RefreshTokens.newToken();
        handle.attach(SessionDao.class).insertRefreshToken(RefreshTokens.hash(refresh), sessionId, now, now.plus(refreshTtl));
        return new Tokens(refresh, accessTokens.issue(userId, sessionId));
    }

    /**
     * Spends a refresh token for a new pair. The token spent last in its session may be
     * presented again within the retry window (two requests of one client refreshing at
     * once) and gets a pair of that same session; any other spent token presented again
     * means a copy is in other hands, and ends the session.
     */
    public Tokens refresh(String refreshToken) {
        String hash = RefreshTokens.hash(refreshToken);
        RefreshOutcome outcome = jdbi.inTransaction(handle -> {
            SessionDao dao = handle.attach(SessionDao.class);
            Instant now = now();
            Optional<SessionDao.RefreshTokenState> unlocked = dao.findRefreshToken(hash, now);
            if (unlocked.isEmpty()) {
                return RefreshOutcome.invalid();
            }
            long sessionId = unlocked.get().sessionId();
            Optional<SessionDao.LastSpent> lastSpent = dao.lockSession(sessionId);
            // Read again under the lock: a refresh that held it may have spent this token.
            Optional<SessionDao.RefreshTokenState> found = dao.findRefreshToken(hash, now);
            if (lastSpent.isEmpty() || found.isEmpty()) {
                return RefreshOutcome.invalid();
            }
            SessionDao.RefreshTokenState state = found.get();
            boolean spentHere = false;
            if (!state.spent()) {
                if (!state.live()) {
                    return RefreshOutcome.invalid();
                }
                // Spent by this statement, or by a refresh whose commit the re-read did not see yet
                // (H2 can wake a lock's waiter a moment before the holder's commit shows): an
                // UPDATE sees the latest version, so only one refresh can spend the token.
                spentHere = dao.spendToken(hash, now) == 1;
                if (!spentHere) {
                    lastSpent = dao.lockSession(sessionId); // held already; read after that commit
                }
            }
            if (spentHere) {
                dao.spendUnspentTokensOf(sessionId, now);
                dao.recordLastSpent(sessionId, hash, now);
            } else if (!state.live() || lastSpent.isEmpty() || !isRetry(lastSpent.get(), hash, now)) {
                dao.revokeSession(sessionId, now, "refresh_token_reuse");
                return RefreshOutcome.reused(sessionId);
            }
            dao.extendSession(sessionId, now, now.plus(refreshTtl));
            return RefreshOutcome.issued(issue(handle, state.userId(), sessionId, now));
        });
        if (outcome.reusedSession() != null) {
            log.warn("Refresh token reused: session {} revoked", outcome.reusedSession());
            throw Unauthorized.tokenNotValid("Token is invalid or expired");
        }
        if (outcome.tokens() == null) {
            throw Unauthorized.tokenNotValid("Token is invalid or expired");
        }
        return outcome.tokens();
    }

    /** Only the session's most recently spent token, and only within the window, is a retry. */
    private boolean isRetry(SessionDao.LastSpent last, String hash, Instant now) {
        return !refreshGrace.isZero()
                && hash.equals(last.lastSpentHash())
                && last.lastSpentAt() != null
                && !now.isAfter(last.lastSpentAt().plus(refreshGrace));
    }

    /**
     * The session a refresh token belongs to, if the token is live and the user's; else 400.
     * Used by logout and account deletion, which name the session by its refresh token.
     */
    public long liveSessionOf(Handle handle, long userId, String refreshToken) {
        Optional<SessionDao.RefreshTokenState> state = handle.attach(SessionDao.class)
                .findRefreshToken(RefreshTokens.hash(refreshToken), now());
        if (state.isEmpty() || state.get().userId() != userId || state.get().spent() || !state.get().live()) {
            throw ApiException.invalid("refresh_token", "Token is invalid, expired or not yours.");
        }
        return state.get().sessionId();
    }

    public void logout(long userId, String refreshToken) {
        jdbi.useTransaction(handle -> {
            long sessionId = liveSessionOf(handle, userId, refreshToken);
            handle.attach(SessionDao.class).revokeSession(sessionId, now(), "logout");
        });
    }

    /** Ends every session of the user; -1 matches no session id, so none is kept. */
    public void logoutAll(Handle handle, long userId, String reason) {
        handle.attach(SessionDao.class).revokeAllSessionsExcept(userId, -1, now(), reason);
    }

    /**
     * After a password change: other sessions end; the current one gets fresh tokens. Its
     * existing refresh token stays usable (once), so a client that ignores the new pair is
     * not logged out by reuse detection: the contract says the caller's tokens keep working.
     */
    public Tokens keepOnly(Handle handle, Principal principal, String reason) {
        SessionDao dao = handle.attach(SessionDao.class);
        Instant now = now();
        dao.revokeAllSessionsExcept(principal.userId(), principal.sessionId(), now, reason);
        dao.extendSession(principal.sessionId(), now, now.plus(refreshTtl));
        return issue(handle, principal.userId(), principal.sessionId(), now);
    }

    /** The caller behind a verified access token, if the session and account are still live. */
    public Optional<Principal> principal(AccessTokens.AccessClaims claims) {
        return live(claims).map(LiveSession::principal);
    }

    /** The same, with the account when it was read from the database now ({@link LiveSession#account}). */
    Optional<LiveSession> live(AccessTokens.AccessClaims claims) {
        Instant now = now();
        return cache.find(claims, now, () -> jdbi.withHandle(h -> LiveSession.find(h, claims, now)));
    }

    public boolean accountIsActive(long userId) {
        return jdbi.withExtension(UserDao.class, dao -> dao.findById(userId)).map(UserRow::isActive).orElse(false);
    }

    /** Deletes what can never be used again; run now and then. */
    public void purgeExpired() {
        Instant cutoff = now();
        int tokens = jdbi.withExtension(SessionDao.class, dao -> dao.deleteExpiredRefreshTokens(cutoff));
        int sessions = jdbi.withExtension(SessionDao.class, dao -> dao.deleteDeadSessions(cutoff.minus(refreshTtl)));
        if (tokens + sessions > 0) {
            log.info("Purged {} expired refresh tokens and {} dead sessions", tokens, sessions);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record RefreshOutcome(Tokens tokens, Long reusedSession) {
        static RefreshOutcome issued(Tokens t) {
            return new RefreshOutcome(t, null);
        }

        static RefreshOutcome reused(long sessionId) {
            return new RefreshOutcome(null, sessionId);
        }

        static RefreshOutcome invalid() {
            return new RefreshOutcome(null, null);
        }
    }
}
