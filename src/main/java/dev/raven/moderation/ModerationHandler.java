package dev.raven.moderation;

import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import dev.raven.http.ApiException;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

/**
 * /api/moderation/ (reports, the queue, account actions, pending accounts, roles, the log)
 * and /api/invites/. The role is checked before the body is read: a plain user learns
 * nothing from a moderator's route but its 403.
 */
public final class ModerationHandler {
    private final Moderation moderation;
    private final Invites invites;
    private final Bodies bodies;
    private final Paging paging;

    public ModerationHandler(Moderation moderation, Invites invites, Bodies bodies, Paging paging) {
        this.moderation = moderation;
        this.invites = invites;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** POST report/ (any user): 201 "received". */
    public void report(Context ctx) {
        ModerationRequests.NewReport req = bodies.read(ctx, ModerationRequests.NewReport.class);
        ctx.status(201).json(moderation.report(AuthGuard.principal(ctx).userId(), req));
    }

    /** GET reports/?status=open|resolved (moderators). */
    public void reports(Context ctx) {
        moderator(ctx);
        String status = ctx.queryParam("status") == null ? "open" : ctx.queryParam("status");
        if (!status.equals("open") && !status.equals("resolved")) {
            throw ApiException.invalid("status", "open or resolved.");
        }
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(moderation.reports(status, page,
                rows -> paging.page(ctx, page, rows, r -> new Paging.Cursor(r.createdAt(), r.id()))));
    }

    /** GET reports/:id/ (moderators). */
    public void reportById(Context ctx) {
        moderator(ctx);
        ctx.status(200).json(moderation.report(PathIds.id(ctx)));
    }

    /** POST reports/:id/resolve/ {action, reason?} (moderators). */
    public void resolve(Context ctx) {
        Principal p = AuthGuard.principal(ctx);
        Role role = moderator(ctx);
        long id = PathIds.id(ctx);
        ModerationRequests.Action req = bodies.read(ctx, ModerationRequests.Action.class);
        ctx.status(202).json(moderation.resolve(p, role, id, req));
    }

    /** DELETE tweets/:id/ {reason?} (moderators). */
    public void deleteTweet(Context ctx) {
        moderator(ctx);
        long id = PathIds.id(ctx);
        ctx.status(202).json(moderation.deleteTweet(AuthGuard.principal(ctx), id, reason(ctx)));
    }

    /** DELETE replies/:id/ {reason?} (moderators). */
    public void deleteReply(Context ctx) {
        moderator(ctx);
        long id = PathIds.id(ctx);
        ctx.status(202).json(moderation.deleteReply(AuthGuard.principal(ctx), id, reason(ctx)));
    }

    /** GET users/:id/ (moderators): role, status, silenced. */
    public void user(Context ctx) {
        moderator(ctx);
        ctx.status(200).json(moderation.user(PathIds.id(ctx)));
    }

    public void suspend(Context ctx) {
        act(ctx, "suspend");
    }

    public void unsuspend(Context ctx) {
        act(ctx, "unsuspend");
    }

    public void silence(Context ctx) {
        act(ctx, "silence");
    }

    public void unsilence(Context ctx) {
        act(ctx, "unsilence");
    }

    private void act(Context ctx, String action) {
        Role role = moderator(ctx);
        long id = PathIds.id(ctx);
        ctx.status(202).json(moderation.act(AuthGuard.principal(ctx), role, id, action, reason(ctx)));
    }

    /** GET pending/ (moderators): accounts awaiting approval, newest first. */
    public void pending(Context ctx) {
        moderator(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(moderation.pending(page,
                rows -> paging.page(ctx, page, rows, u -> new Paging.Cursor(u.dateJoined(), u.userId()))));
    }

    public void approve(Context ctx) {
        moderator(ctx);
        long id = PathIds.id(ctx);
        ctx.status(202).json(moderation.approve(AuthGuard.principal(ctx), id, reason(ctx)));
    }

    public void reject(Context ctx) {
        moderator(ctx);
        long id = PathIds.id(ctx);
        ctx.status(202).json(moderation.reject(AuthGuard.principal(ctx), id, reason(ctx)));
    }

    /** PUT users/:id/role/ {role} (admins). */
    public void setRole(Context ctx) {
        moderation.require(AuthGuard.principal(ctx), Role.ADMIN);
        long id = PathIds.id(ctx);
        ModerationRequests.SetRole req = bodies.read(ctx, ModerationRequests.SetRole.class);
        ctx.status(202).json(moderation.setRole(AuthGuard.principal(ctx), id, req.role()));
    }

    /** GET log/ (admins): the audit log, newest first. */
    public void log(Context ctx) {
        moderation.require(AuthGuard.principal(ctx), Role.ADMIN);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(moderation.log(page,
                rows -> paging.page(ctx, page, rows, e -> new Paging.Cursor(e.createdAt(), e.id()))));
    }

    /** POST /api/invites/ {max_uses?, expires_in_days?}. */
    public void createInvite(Context ctx) {
        ModerationRequests.NewInvite req = bodies.read(ctx, ModerationRequests.NewInvite.class);
        ctx.status(201).json(invites.create(AuthGuard.principal(ctx), req));
    }

    /** GET /api/invites/. */
    public void listInvites(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(invites.list(AuthGuard.principal(ctx), page,
                rows -> paging.page(ctx, page, rows, i -> new Paging.Cursor(i.createdAt(), i.id()))));
    }

    /** DELETE /api/invites/:id/. */
    public void deleteInvite(Context ctx) {
        long id = PathIds.id(ctx);
        ctx.status(202).json(invites.delete(AuthGuard.principal(ctx), id));
    }

    private Role moderator(Context ctx) {
        return moderation.require(AuthGuard.principal(ctx), Role.MODERATOR);
    }

    /**
     * An optional {"reason": "..."} body; no body at all is no reason. Only the byte count is
     * looked at here: decoding (charset, UTF-8 checks) is {@link Bodies}' job, with its 4xx answers.
     */
    private String reason(Context ctx) {
        if (ctx.bodyAsBytes().length == 0) {
            return null;
        }
        return bodies.read(ctx, ModerationRequests.Reason.class).reason();
    }
}
