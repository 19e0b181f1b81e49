package dev.raven.moderation;

import dev.raven.auth.Principal;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Invite codes for registration.mode=invite. Admins may always create them; plain users
 * and moderators when registration.invites.by.users is true. Each sees their own codes;
 * admins see all and may delete any.
 */
public final class Invites {
    static final int MAX_USES = 1000;
    static final int MAX_DAYS = 365;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Jdbi jdbi;
    private final Moderation moderation;
    private final boolean byUsers;
    private final Duration defaultTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Invites(Jdbi jdbi, Moderation moderation, boolean byUsers, Duration defaultTtl, Clock clock) {
        this.jdbi = jdbi;
        this.moderation = moderation;
        this.byUsers = byUsers;
        this.defaultTtl = defaultTtl;
        this.clock = clock;
    }

    /** Whether this person may create invites (for the web page). */
    public boolean mayCreate(Principal principal) {
        return byUsers || moderation.isAdmin(principal.userId());
    }

    Invite create(Principal principal, ModerationRequests.NewInvite req) {
        if (!byUsers) {
            moderation.require(principal, Role.ADMIN);
        }
        FieldErrors errors = new FieldErrors();
        int maxUses = req.maxUses() == null ? 1 : req.maxUses();
        if (maxUses < 1 || maxUses > MAX_USES) {
            errors.add("max_uses", "Between 1 and " + MAX_USES + ".");
        }
        if (req.expiresInDays() != null && (req.expiresInDays() < 1 || req.expiresInDays() > MAX_DAYS)) {
            errors.add("expires_in_days", "Between 1 and " + MAX_DAYS + ".");
        }
        errors.throwIfAny();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = req.expiresInDays() == null ? now.plus(defaultTtl) : now.plus(Duration.ofDays(req.expiresInDays()));
        return jdbi.inTransaction(h -> {
            InviteDao dao = h.attach(InviteDao.class);
            long id = dao.insert(newCode(), principal.userId(), maxUses, expires, now);
            return dao.find(id).orElseThrow();
        });
    }

    /** The caller's invites; an admin's list holds everyone's. */
    List<Invite> list(Principal principal, Paging.PageRequest page, UnaryOperator<List<Invite>> pager) {
        boolean admin = moderation.isAdmin(principal.userId());
        return jdbi.withExtension(InviteDao.class, d -> pager.apply(admin
                ? d.all(page.beforeAt(), page.beforeId(), page.fetchSize())
                : d.byCreator(principal.userId(), page.beforeAt(), page.beforeId(), page.fetchSize())));
    }

    Message delete(Principal principal, long inviteId) {
        return jdbi.inTransaction(h -> {
            InviteDao dao = h.attach(InviteDao.class);
            Invite invite = dao.find(inviteId).orElseThrow(Invites::notFound);
            boolean own = invite.createdBy() != null && invite.createdBy() == principal.userId();
            if (!own && !moderation.isAdmin(principal.userId())) {
                throw notFound(); // someone else's code: as if it did not exist
            }
            dao.delete(inviteId);
            return new Message("Invite with id " + inviteId + " deleted");
        });
    }

    /** 12 characters of an unambiguous alphabet: about 60 bits, not guessable within any rate limit. */
    private String newCode() {
        StringBuilder code = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static ApiException notFound() {
        return ApiException.notFound("Invite not found.");
    }
}
