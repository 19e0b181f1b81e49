package dev.raven.auth;

import dev.raven.db.CommittedWrites;
import org.jdbi.v3.core.Jdbi;

import java.util.regex.Pattern;

/**
 * The writes that can end a session or change the person behind it (any UPDATE or DELETE of
 * login_sessions or users): once committed, the {@link SessionCache} is invalidated.
 */
public final class SessionWrites {
    private static final Pattern SESSION_OR_USER_WRITE = Pattern.compile(
            "^\\s*(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+(login_sessions|users)\\b",
            Pattern.CASE_INSENSITIVE);

    private SessionWrites() {
    }

    /** Makes {@code jdbi} invalidate {@code cache} on every committed session or user write. */
    public static void watch(Jdbi jdbi, SessionCache cache) {
        CommittedWrites.watch(jdbi, SessionWrites::changesSessions, cache::invalidateAll);
    }

    static boolean changesSessions(String sql) {
        return sql != null && SESSION_OR_USER_WRITE.matcher(sql).find();
    }
}
