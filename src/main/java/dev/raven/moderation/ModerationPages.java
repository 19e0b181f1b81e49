package dev.raven.moderation;

import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import dev.raven.web.Form;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.PageNotFound;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web side of moderation: the report form (every user), invite codes, and the
 * moderation section (queue, pending accounts, audit log) that only moderators and admins
 * see in the navigation and may open (403 for others, as in the API).
 */
public final class ModerationPages {
    private static final Set<String> TYPES = Set.of("tweet", "reply", "profile");

    private final Moderation moderation;
    private final Invites invites;
    private final Paging paging;
    private final Pages pages;

    public ModerationPages(Moderation moderation, Invites invites, Paging paging, Pages pages) {
        this.moderation = moderation;
        this.invites = invites;
        this.paging = paging;
        this.pages = pages;
    }

    /** GET /report?type=tweet|reply|profile&id=N. */
    public void reportPage(Context ctx) {
        String type = ctx.queryParam("type");
        long id = idParam(ctx.queryParam("id"));
        if (type == null || !TYPES.contains(type)) {
            throw new PageNotFound();
        }
        showReport(ctx, 200, type, id, Form.empty());
    }

    /** POST /report. */
    public void report(Context ctx) {
        String type = ctx.formParam("type");
        long id = idParam(ctx.formParam("id"));
        if (type == null || !TYPES.contains(type)) {
            throw new PageNotFound();
        }
        Form form = Form.empty().value("reason", orEmpty(ctx.formParam("reason")))
                .value("comment", orEmpty(ctx.formParam("comment")));
        try {
            moderation.report(viewer(ctx).userId(), new ModerationRequests.NewReport(type, id,
                    form.get("reason").isEmpty() ? null : form.get("reason"), form.get("comment")));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw new PageNotFound();
            }
            showReport(ctx, e.status() == 400 || e.status() == 422 ? 422 : e.status(), type, id,
                    form.errors(e, Map.of("reason", "reason", "comment", "comment"), "form"));
            return;
        }
        pages.render(ctx, 200, "moderation/report_done.jte", pages.page(ctx, "Report received"), Map.of());
    }

    /** GET /moderation: the queue of open reports (or ?status=resolved). */
    public void queue(Context ctx) {
        Role role = staff(ctx);
        String status = "resolved".equals(ctx.queryParam("status")) ? "resolved" : "open";
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<Report> pager = new KeysetPage<>(request, r -> new Paging.Cursor(r.createdAt(), r.id()));
        List<Report> reports = moderation.reports(status, request, pager);
        pages.render(ctx, 200, "moderation/queue.jte", pages.page(ctx, "Moderation"),
                Map.of("reports", reports, "next", pager.next(), "status", status, "admin", role == Role.ADMIN,
                        "done", orEmpty(ctx.queryParam("done"))));
    }

    /** POST /moderation/reports/{id}/resolve. */
    public void resolve(Context ctx) {
        Role role = staff(ctx);
        long id = PathIds.id(ctx);
        moderation.resolve(viewer(ctx), role, id, new ModerationRequests.Action(ctx.formParam("action"),
                ctx.formParam("reason")));
        Pages.seeOther(ctx, "/moderation?done=" + id);
    }

    /** GET /moderation/pending. */
    public void pending(Context ctx) {
        Role role = staff(ctx);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ModeratedUser> pager = new KeysetPage<>(request, u -> new Paging.Cursor(u.dateJoined(), u.userId()));
        List<ModeratedUser> users = moderation.pending(request, pager);
        pages.render(ctx, 200, "moderation/pending.jte", pages.page(ctx, "Accounts awaiting approval"),
                Map.of("users", users, "next", pager.next(), "admin", role == Role.ADMIN));
    }

    /** POST /moderation/pending/{id}/approve. */
    public void approve(Context ctx) {
        staff(ctx);
        moderation.approve(viewer(ctx), PathIds.id(ctx), ctx.formParam("reason"));
        Pages.seeOther(ctx, "/moderation/pending");
    }

    /** POST /moderation/pending/{id}/reject. */
    public void reject(Context ctx) {
        staff(ctx);
        moderation.reject(viewer(ctx), PathIds.id(ctx), ctx.formParam("reason"));
        Pages.seeOther(ctx, "/moderation/pending");
    }

    /** GET /moderation/log (admins). */
    public void log(Context ctx) {
        moderation.require(viewer(ctx), Role.ADMIN);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<LogEntry> pager = new KeysetPage<>(request, e -> new Paging.Cursor(e.createdAt(), e.id()));
        List<LogEntry> entries = moderation.log(request, pager);
        pages.render(ctx, 200, "moderation/log.jte", pages.page(ctx, "Audit log"),
                Map.of("entries", entries, "next", pager.next(), "admin", true));
    }

    /** GET /invites: one's invite codes, and the form to make one when allowed. */
    public void invitesPage(Context ctx) {
        showInvites(ctx, 200, Form.empty(), orEmpty(ctx.queryParam("created")));
    }

    /** POST /invites. */
    public void createInvite(Context ctx) {
        Form form = Form.empty().value("max_uses", orEmpty(ctx.formParam("max_uses")))
                .value("expires_in_days", orEmpty(ctx.formParam("expires_in_days")));
        Integer maxUses = number(form, "max_uses");
        Integer days = number(form, "expires_in_days");
        if (form.hasErrors()) {
            showInvites(ctx, 422, form, "");
            return;
        }
        Invite invite;
        try {
            invite = invites.create(viewer(ctx), new ModerationRequests.NewInvite(maxUses, days));
        } catch (ApiException e) {
            if (e.status() == 403) {
                throw e;
            }
            showInvites(ctx, 422, form.errors(e, Map.of("max_uses", "max_uses", "expires_in_days", "expires_in_days"),
                    "max_uses"), "");
            return;
        }
        Pages.seeOther(ctx, "/invites?created=" + invite.code());
    }

    /** POST /invites/{id}/delete. */
    public void deleteInvite(Context ctx) {
        invites.delete(viewer(ctx), PathIds.id(ctx));
        Pages.seeOther(ctx, "/invites");
    }

    private void showInvites(Context ctx, int status, Form form, String created) {
        Principal viewer = viewer(ctx);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<Invite> pager = new KeysetPage<>(request, i -> new Paging.Cursor(i.createdAt(), i.id()));
        List<Invite> list = invites.list(viewer, request, pager);
        Page page = pages.page(ctx, "Invite codes");
        pages.render(ctx, status, "moderation/invites.jte", page, Map.of("invites", list, "next", pager.next(),
                "mayCreate", invites.mayCreate(viewer), "form", form, "created", created,
                "admin", moderation.isAdmin(viewer.userId())));
    }

    private void showReport(Context ctx, int status, String type, long id, Form form) {
        pages.render(ctx, status, "moderation/report_form.jte", pages.page(ctx, "Report"),
                Map.of("type", type, "id", id, "form", form));
    }

    private Role staff(Context ctx) {
        return moderation.require(viewer(ctx), Role.MODERATOR);
    }

    private static Integer number(Form form, String field) {
        String value = form.get(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            form.error(field, "Enter a whole number.");
            return null;
        }
    }

    private static long idParam(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw new PageNotFound();
        }
        return Long.parseLong(value);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Principal viewer(Context ctx) {
        return AuthGuard.principal(ctx);
    }
}
