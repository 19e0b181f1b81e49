package dev.raven.auth;

import dev.raven.profile.Profile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Optional;

/** Response bodies of the auth routes. */
final class AuthResponses {
    private AuthResponses() {
    }

    /** Registration and password change: the account, its profile and tokens. */
    record AccountWithTokens(String email, String username, Profile profile, Tokens tokens) {
    }

    /**
     * GET current_user/: read in one primary-key query with a hand-written row mapper (a
     * SqlObject cost more than the query on this per-request path; docs/BENCHMARKS.md).
     */
    record CurrentUser(long userId, long profileId, String imageUrl, String username, String alias,
                       String email, String mode) {
        private static final String FIND = "SELECT u.id, p.id, p.image_url, u.username, p.alias, u.email, u.mode "
                + "FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = :id";

        private static final RowMapper<CurrentUser> ROW = (rs, ctx) -> new CurrentUser(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

        static Optional<CurrentUser> find(Handle handle, long userId) {
            return handle.createQuery(FIND).bind("id", userId).map(ROW).findOne();
        }
    }

    /** Registration under registration.mode=approval: no tokens until a moderator approves. */
    record AwaitingApproval(String message, String username, String email) {
    }

    record AccountSettings(String username, String email, String mode) {
    }
}
