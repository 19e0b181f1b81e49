package dev.raven.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Verified sessions kept in memory, so that an authenticated request need not read its
 * session from the database each time. Only where this process is the database's only
 * writer (the embedded database): every committed write that can end a session or change
 * its person (see {@link SessionWrites}) moves the generation on, and an entry read under an
 * older generation is not used again. Revocation therefore stays instant.
 */
public final class SessionCache {
    /** Far more sessions than a small instance serves at once; beyond it the cache starts again. */
    static final int MAX_ENTRIES = 50_000;

    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Object, Entry> entries = new ConcurrentHashMap<>();

    private SessionCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** A cache for a process that sees every write (the embedded database). */
    public static SessionCache enabled() {
        return new SessionCache(true);
    }

    /** No caching: other processes write to the same database (PostgreSQL, several instances). */
    public static SessionCache disabled() {
        return new SessionCache(false);
    }

    /**
     * The live session for these claims: from memory when a still-current entry says so,
     * else from {@code load}, whose answer is kept under the generation read before it ran.
     */
    Optional<LiveSession> find(AccessTokens.AccessClaims claims, Instant now, Supplier<Optional<LiveSession>> load) {
        return find(claims.sessionId(), claims.userId(), now, load);
    }

    /** The same for a browser session, found by the hash of its cookie's token. */
    Optional<LiveSession> findWeb(String tokenHash, Instant now, Supplier<Optional<LiveSession>> load) {
        return find(new WebToken(tokenHash), null, now, load);
    }

    private Optional<LiveSession> find(Object key, Long userId, Instant now, Supplier<Optional<LiveSession>> load) {
        if (!enabled) {
            return load.get();
        }
        long current = generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == current && now.isBefore(entry.session.expiresAt())
                && (userId == null || entry.session.userId() == userId)) {
            return Optional.of(entry.session);
        }
        Optional<LiveSession> loaded = load.get();
        loaded.ifPresent(s -> keep(key, s, current));
        return loaded;
    }

    private void keep(Object key, LiveSession session, long readUnder) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(session.withoutAccount(), readUnder));
    }

    /** Called after a committed write to sessions or users: every entry must be read again. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public boolean isEnabled() {
        return enabled;
    }

    private record Entry(LiveSession session, long generation) {
    }

    /** A browser session's key: never equal to an access token's (a session id). */
    private record WebToken(String hash) {
    }
}
