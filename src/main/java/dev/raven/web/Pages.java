package dev.raven.web;

import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import dev.raven.auth.WebSessions;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every page handler uses: renders a template as a whole page or, for an htmx request,
 * as the fragment it asked for; builds the layout's {@link Page}; redirects after a post.
 */
public final class Pages {
    private final Templates templates;
    private final Assets assets;
    private final Csrf csrf;
    private final WebSessions webSessions;
    private final java.util.function.LongToIntFunction unreadCount;

    public Pages(Templates templates, Assets assets, Csrf csrf, WebSessions webSessions,
                 java.util.function.LongToIntFunction unreadCount) {
        this.unreadCount = unreadCount;
        this.templates = templates;
        this.assets = assets;
        this.csrf = csrf;
        this.webSessions = webSessions;
    }

    /** Whether htmx sent the request (then the answer is a fragment, not a page). */
    public static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    public Page page(Context ctx, String title) {
        Principal viewer = AuthGuard.principalIfAny(ctx).orElse(null);
        if (viewer == null) {
            return new Page(title, null, null, "auto", assets, 0);
        }
        return new Page(title, viewer, csrf.token(viewer.sessionId()), theme(webSessions.mode(viewer.userId())),
                assets, unreadCount.applyAsInt(viewer.userId()));
    }

    /** Renders a template with the page (as "page") and the given parameters. */
    public void render(Context ctx, int status, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        html(ctx, status, templates.render(template, all));
    }

    /** A page that asks before something that cannot be undone: the form posts to action, the link goes back to cancel. */
    public void confirm(Context ctx, String title, String question, String action, String cancel) {
        render(ctx, 200, "layout/confirm.jte", page(ctx, title),
                Map.of("question", question, "action", action, "cancel", cancel));
    }

    public void html(Context ctx, int status, String html) {
        PageHeaders.apply(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    /** Post/redirect/get: 303 to a local path (anything else goes home). */
    public static void seeOther(Context ctx, String target) {
        ctx.header("Location", WebPaths.localOr(target, "/"));
        ctx.status(303);
    }

    /** Where a form came from, for going back after a no-JavaScript post: the "back" field, if local. */
    public static String back(Context ctx, String fallback) {
        return WebPaths.localOr(ctx.formParam("back"), fallback);
    }

    static String theme(String mode) {
        return mode == null ? "auto" : switch (mode.toLowerCase(Locale.ROOT)) {
            case "dark" -> "dark";
            case "light" -> "light";
            default -> "auto";
        };
    }
}
