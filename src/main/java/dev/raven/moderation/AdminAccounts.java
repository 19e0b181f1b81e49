package dev.raven.moderation;

import dev.raven.auth.Accounts;
import dev.raven.http.ApiException;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What {@code java -jar raven.jar admin ...} does, on whichever database it reaches: the
 * running server's (through /internal/admin/, see {@link AdminOpsHandler}) or one opened
 * directly. Each change is written to the moderation log as done by "(operator)".
 */
public final class AdminAccounts {
    private final Jdbi jdbi;
    private final Accounts accounts;
    private final Moderation moderation;
    private final Clock clock;

    public AdminAccounts(Jdbi jdbi, Accounts accounts, Moderation moderation, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.moderation = moderation;
        this.clock = clock;
    }

    /** admin create: a new, active admin account. */
    public ModeratedUser create(String username, String email, String password) {
        long userId = accounts.createWithRole(username, email, password, Role.ADMIN.key());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbi.useExtension(ModerationDao.class, d -> d.log(null, Moderation.OPERATOR, "create_admin", "user", userId,
                username, null, "", now));
        return moderation.user(userId);
    }

    /** admin grant USERNAME ROLE. */
    public ModeratedUser grant(String username, String roleName) {
        Role role = role(roleName);
        return moderation.setRoleAsOperator(username, role);
    }

    /** admin revoke USERNAME ROLE: back to a plain user, if the account holds that role. */
    public ModeratedUser revoke(String username, String roleName) {
        Role role = role(roleName);
        ModeratedUser user = jdbi.withExtension(ModerationDao.class, d -> d.userByKey(username.toLowerCase(Locale.ROOT)))
                .orElseThrow(Moderation::userNotFound);
        if (!user.role().equals(role.key())) {
            throw ApiException.conflict("role_not_held", user.username() + " is not " + article(role) + role.key()
                    + " (their role is " + user.role() + ").");
        }
        return moderation.setRoleAsOperator(username, Role.USER);
    }

    private static Role role(String name) {
        return Role.parse(name == null ? "" : name.toLowerCase(Locale.ROOT))
                .filter(r -> r != Role.USER)
                .orElseThrow(() -> ApiException.invalid("role", "moderator or admin."));
    }

    private static String article(Role role) {
        return role == Role.ADMIN ? "an " : "a ";
    }
}
