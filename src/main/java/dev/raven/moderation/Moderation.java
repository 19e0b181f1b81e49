package dev.raven.moderation;

import dev.raven.auth.AccountRemoval;
import dev.raven.media.MediaLibrary;
import dev.raven.auth.Principal;
import dev.raven.auth.Sessions;
import dev.raven.auth.UserRow;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import dev.raven.reply.ReplyRemoval;
import dev.raven.tweet.TweetAccess;
import dev.raven.tweet.TweetRemoval;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reports, the moderators' queue and actions, pending accounts, roles and the audit log.
 * Every action and its log entry are one transaction: nothing happens unlogged. Roles are
 * read from the database on each request, so a revoked role stops working at once.
 */
public final class Moderation {
    static final Set<String> REASONS = Set.of("spam", "abuse", "illegal", "other");
    static final Set<String> TARGETS = Set.of("tweet", "reply", "profile");
    static final int TEXT_MAX = 1000;
    /** The log's name for actions taken from the command line (java -jar raven.jar admin ...). */
    static final String OPERATOR = "(operator)";

    private final Jdbi jdbi;
    private final Sessions sessions;
    private final AccountRemoval removal;
    private final MediaLibrary media;
    private final Clock clock;

    public Moderation(Jdbi jdbi, Sessions sessions, AccountRemoval removal, MediaLibrary media, Clock clock) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.removal = removal;
        this.media = media;
        this.clock = clock;
    }

    /** The caller's role, checked against the least one the route needs: 403 otherwise. */
    public Role require(Principal principal, Role least) {
        Role role = jdbi.withExtension(ModerationDao.class, d -> d.user(principal.userId()))
                .map(u -> Role.of(u.role())).orElse(Role.USER);
        if (!role.atLeast(least)) {
            throw ApiException.forbidden(least == Role.ADMIN ? "Only admins can do this."
                    : "Only moderators and admins can do this.");
        }
        return role;
    }

    public boolean isAdmin(long userId) {
        return jdbi.withExtension(ModerationDao.class, d -> d.user(userId))
                .map(u -> Role.of(u.role()) == Role.ADMIN).orElse(false);
    }

    /** Whether the person may see the moderation section (web navigation). */
    public boolean isStaff(long userId) {
        return jdbi.withExtension(ModerationDao.class, d -> d.user(userId))
                .map(u -> Role.of(u.role()).atLeast(Role.MODERATOR)).orElse(false);
    }

    // ---- reports (any user) ----

    /** Files a report; the reporter learns nothing but "received". The target must be one the reporter may see. */
    public Message report(long reporterUserId, ModerationRequests.NewReport req) {
        FieldErrors errors = new FieldErrors();
        if (req.targetType() == null || !TARGETS.contains(req.targetType())) {
            errors.add("target_type", "One of tweet, reply, profile.");
        }
        if (req.targetId() == null || req.targetId() < 1) {
            errors.add("target_id", "A positive id.");
        }
        if (req.reason() == null || !REASONS.contains(req.reason())) {
            errors.add("reason", "One of spam, abuse, illegal, other.");
        }
        checkText(req.comment(), "comment", errors);
        errors.throwIfAny();
        long targetId = req.targetId();
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            ModerationDao.Content content = switch (req.targetType()) {
                case "tweet" -> {
                    TweetAccess.requireVisible(h, targetId, reporterUserId);
                    yield dao.tweet(targetId).orElseThrow(TweetAccess::tweetNotFound);
                }
                case "reply" -> {
                    ModerationDao.Content reply = dao.reply(targetId).orElseThrow(Moderation::replyNotFound);
                    long tweetId = h.createQuery("SELECT tweet_id FROM replies WHERE id = :id").bind("id", targetId)
                            .mapTo(Long.class).one();
                    TweetAccess.requireVisible(h, tweetId, reporterUserId, Moderation::replyNotFound);
                    yield reply;
                }
                default -> {
                    ModerationDao.Content profile = dao.profile(targetId).orElseThrow(Moderation::userNotFound);
                    if (!h.createQuery("SELECT COUNT(*) > 0 FROM users u WHERE u.id = :id AND "
                            + dev.raven.tweet.TweetSql.USER_SEEN).bind("id", targetId).bind("viewer", reporterUserId)
                            .mapTo(Boolean.class).one()) {
                        throw userNotFound();
                    }
                    yield new ModerationDao.Content(profile.userId(), profile.username(),
                            profile.content() + "\n" + profile.mediaUrl(), null);
                }
            };
            if (content.userId() == reporterUserId) {
                throw ApiException.badRequest("You cannot report yourself.");
            }
            String snapshot = content.mediaUrl() == null || req.targetType().equals("profile") ? content.content()
                    : content.content() + "\n" + content.mediaUrl();
            dao.insertReport(reporterUserId, req.targetType(), targetId, content.userId(), content.username(),
                    snapshot, req.reason(), req.comment() == null ? "" : req.comment().strip(), now);
            return new Message("Report received. Thank you.");
        });
    }

    // ---- the queue (moderators) ----

    public List<Report> reports(String status, Paging.PageRequest page, UnaryOperator<List<Report>> pager) {
        return jdbi.withExtension(ModerationDao.class, d -> pager.apply(
                d.reports(status, page.beforeAt(), page.beforeId(), page.fetchSize())));
    }

    public Report report(long reportId) {
        return jdbi.withExtension(ModerationDao.class, d -> d.report(reportId)).orElseThrow(Moderation::reportNotFound);
    }

    /**
     * Settles a report with an action: dismiss, delete (the tweet or reply), suspend or
     * silence (the reported account). Other open reports of the same content are settled too.
     */
    public Report resolve(Principal moderator, Role role, long reportId, ModerationRequests.Action req) {
        String action = req.action();
        if (action == null || !Set.of("dismiss", "delete", "suspend", "silence").contains(action)) {
            throw ApiException.invalid("action", "One of dismiss, delete, suspend, silence.");
        }
        checkReason(req.reason());
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            dao.lockReport(reportId).orElseThrow(Moderation::reportNotFound);
            Report report = dao.report(reportId).orElseThrow(Moderation::reportNotFound);
            if (!report.status().equals("open")) {
                throw ApiException.conflict("already_resolved", "This report has been resolved already.");
            }
            String reason = reason(req.reason());
            switch (action) {
                case "dismiss" -> log(h, moderator, "dismiss_report", "report", reportId, report.targetUsername(),
                        reportId, reason, now);
                case "delete" -> {
                    if (report.targetType().equals("profile")) {
                        throw ApiException.invalid("action", "A profile cannot be deleted; suspend the account.");
                    }
                    deleteContent(h, moderator, report.targetType(), report.targetId(), report.targetUsername(),
                            reportId, reason, now);
                }
                default -> {
                    if (report.targetUserId() == null) {
                        throw ApiException.notFound("The reported account no longer exists.");
                    }
                    changeAccount(h, moderator, role, report.targetUserId(), action, reportId, reason, now);
                }
            }
            dao.resolve(reportId, action, moderator.userId(), now);
            dao.resolveAllOf(report.targetType(), report.targetId(), action, moderator.userId(), now);
        });
        return report(reportId);
    }

    // ---- actions on content and accounts (moderators) ----

    public Message deleteTweet(Principal moderator, long tweetId, String reason) {
        checkReason(reason);
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            String author = h.attach(ModerationDao.class).tweet(tweetId).map(ModerationDao.Content::username)
                    .orElseThrow(TweetAccess::tweetNotFound);
            deleteContent(h, moderator, "tweet", tweetId, author, null, reason(reason), now);
        });
        return new Message("tweet with id " + tweetId + " deleted");
    }

    public Message deleteReply(Principal moderator, long replyId, String reason) {
        checkReason(reason);
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            String author = h.attach(ModerationDao.class).reply(replyId).map(ModerationDao.Content::username)
                    .orElseThrow(Moderation::replyNotFound);
            deleteContent(h, moderator, "reply", replyId, author, null, reason(reason), now);
        });
        return new Message("Reply with id " + replyId + " deleted");
    }

    /** suspend, unsuspend, silence, unsilence. */
    public ModeratedUser act(Principal moderator, Role role, long userId, String action, String reason) {
        checkReason(reason);
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> changeAccount(h, moderator, role, userId, action, null, reason(reason), now));
        return user(userId);
    }

    public ModeratedUser user(long userId) {
        return jdbi.withExtension(ModerationDao.class, d -> d.user(userId)).orElseThrow(Moderation::userNotFound);
    }

    // ---- pending accounts (moderators) ----

    public List<ModeratedUser> pending(Paging.PageRequest page, UnaryOperator<List<ModeratedUser>> pager) {
        return jdbi.withExtension(ModerationDao.class, d -> pager.apply(
                d.pending(page.beforeAt(), page.beforeId(), page.fetchSize())));
    }

    public Message approve(Principal moderator, long userId, String reason) {
        checkReason(reason);
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            ModeratedUser user = pendingUser(dao, userId);
            dao.setStatus(userId, UserRow.ACTIVE);
            log(h, moderator, "approve", "user", userId, user.username(), null, reason(reason), now);
        });
        return new Message("User with id " + userId + " approved");
    }

    /** Rejection deletes the request: the account and its profile go; the log keeps the name. */
    public Message reject(Principal moderator, long userId, String reason) {
        checkReason(reason);
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            ModeratedUser user = pendingUser(dao, userId);
            removal.remove(h, userId);
            log(h, moderator, "reject", "user", userId, user.username(), null, reason(reason), now);
        });
        return new Message("User with id " + userId + " rejected");
    }

    // ---- roles and the log (admins) ----

    public ModeratedUser setRole(Principal admin, long userId, String roleName) {
        Role role = Role.parse(roleName == null ? "" : roleName)
                .orElseThrow(() -> ApiException.invalid("role", "One of user, moderator, admin."));
        if (admin.userId() == userId) {
            throw ApiException.badRequest("You cannot change your own role.");
        }
        Instant now = now();
        Transactions.useTransaction(jdbi, h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            ModeratedUser user = dao.lockUser(userId).orElseThrow(Moderation::userNotFound);
            dao.setRole(userId, role.key());
            log(h, admin, "set_role", "user", userId, user.username(), null, "role: " + role.key(), now);
        });
        return user(userId);
    }

    /** The command line's role change: no acting user (the log says "(operator)"). */
    public ModeratedUser setRoleAsOperator(String username, Role role) {
        Instant now = now();
        return Transactions.inTransaction(jdbi, h -> {
            ModerationDao dao = h.attach(ModerationDao.class);
            ModeratedUser found = dao.userByKey(username.toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(Moderation::userNotFound);
            dao.lockUser(found.userId());
            dao.setRole(found.userId(), role.key());
            dao.log(null, OPERATOR, "set_role", "user", found.userId(), found.username(), null,
                    "role: " + role.key(), now);
            return dao.user(found.userId()).orElseThrow();
        });
    }

    public List<LogEntry> log(Paging.PageRequest page, UnaryOperator<List<LogEntry>> pager) {
        return jdbi.withExtension(ModerationDao.class, d -> pager.apply(
                d.log(page.beforeAt(), page.beforeId(), page.fetchSize())));
    }

    // ---- the work ----

    private void deleteContent(Handle h, Principal moderator, String type, long id, String author, Long reportId,
                               String reason, Instant now) {
        // The content's pictures go with it, as when its author deletes it.
        if (type.equals("tweet")) {
            media.removeOfTweet(h, id);
        } else {
            media.removeOfReply(h, id);
        }
        boolean removed = type.equals("tweet") ? TweetRemoval.removeById(h, id) : ReplyRemoval.removeById(h, id);
        if (!removed) {
            throw type.equals("tweet") ? TweetAccess.tweetNotFound() : replyNotFound();
        }
        log(h, moderator, "delete_" + type, type, id, author, reportId, reason, now);
    }

    private void changeAccount(Handle h, Principal moderator, Role role, long userId, String action, Long reportId,
                               String reason, Instant now) {
        if (!Set.of("suspend", "unsuspend", "silence", "unsilence").contains(action)) {
            throw ApiException.notFound("Not found.");
        }
        if (userId == moderator.userId()) {
            throw ApiException.badRequest("You cannot " + action + " yourself.");
        }
        ModerationDao dao = h.attach(ModerationDao.class);
        ModeratedUser user = dao.lockUser(userId).orElseThrow(Moderation::userNotFound);
        Role target = Role.of(user.role());
        // Moderators act on plain users; admins on moderators too; nobody on an admin.
        if (target == Role.ADMIN || (target == Role.MODERATOR && role != Role.ADMIN)) {
            throw ApiException.forbidden("You cannot " + action + " a " + target.key() + ".");
        }
        if (UserRow.PENDING.equals(user.status())) {
            throw ApiException.conflict("pending", "This account awaits approval; approve or reject it.");
        }
        switch (action) {
            case "suspend" -> {
                dao.setStatus(userId, UserRow.SUSPENDED);
                sessions.logoutAll(h, userId, "suspended"); // every session ends at once
            }
            case "unsuspend" -> dao.setStatus(userId, UserRow.ACTIVE);
            case "silence" -> dao.setSilenced(userId, true);
            default -> dao.setSilenced(userId, false);
        }
        log(h, moderator, action, "user", userId, user.username(), reportId, reason, now);
    }

    private static ModeratedUser pendingUser(ModerationDao dao, long userId) {
        ModeratedUser user = dao.lockUser(userId).orElseThrow(Moderation::userNotFound);
        if (!UserRow.PENDING.equals(user.status())) {
            throw ApiException.conflict("not_pending", "This account is not awaiting approval.");
        }
        return user;
    }

    private static void log(Handle h, Principal actor, String action, String type, long targetId, String targetName,
                            Long reportId, String reason, Instant now) {
        h.attach(ModerationDao.class).log(actor.userId(), actor.username(), action, type, targetId, targetName,
                reportId, reason, now);
    }

    private static void checkReason(String reason) {
        FieldErrors errors = new FieldErrors();
        checkText(reason, "reason", errors);
        errors.throwIfAny();
    }

    private static void checkText(String text, String field, FieldErrors errors) {
        if (text != null && text.codePointCount(0, text.length()) > TEXT_MAX) {
            errors.add(field, "At most " + TEXT_MAX + " characters.");
        }
    }

    private static String reason(String reason) {
        return reason == null ? "" : reason.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ApiException userNotFound() {
        return ApiException.notFound("User not found.");
    }

    static ApiException replyNotFound() {
        return ApiException.notFound("Reply not found.");
    }

    static ApiException reportNotFound() {
        return ApiException.notFound("Report not found.");
    }
}
