package dev.raven.notify;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Paging;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * The notifications page (docs/WEB.md): the list (likes of one post grouped), "mark all as
 * read", and the per-kind switches. The unread badge in the nav comes with every page.
 */
public final class NotificationPages {
    private final Notifications notifications;
    private final Paging paging;
    private final Pages pages;

    public NotificationPages(Notifications notifications, Paging paging, Pages pages) {
        this.notifications = notifications;
        this.paging = paging;
        this.pages = pages;
    }

    /** GET /notifications. */
    public void list(Context ctx) {
        long viewer = AuthGuard.principal(ctx).userId();
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<NotificationRow> pager = new KeysetPage<>(request, Notifications::cursor);
        List<Notification> items = notifications.page(viewer, request, pager);
        Page page = pages.page(ctx, "Notifications");
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "notify/items.jte", page, Map.of("items", items, "next", pager.next()));
            return;
        }
        String saved = "settings".equals(ctx.queryParam("saved")) ? "Notification settings saved."
                : "read".equals(ctx.queryParam("saved")) ? "All notifications marked as read." : "";
        pages.render(ctx, 200, "notify/notifications.jte", page, Map.of("items", items, "next", pager.next(),
                "settings", notifications.settings(viewer), "notice", saved));
    }

    /** POST /notifications/read: everything so far is read. */
    public void markRead(Context ctx) {
        notifications.markRead(AuthGuard.principal(ctx).userId(), null);
        Pages.seeOther(ctx, "/notifications?saved=read");
    }

    /** POST /notifications/settings: a checkbox per kind (unchecked: off). */
    public void saveSettings(Context ctx) {
        notifications.saveSettings(AuthGuard.principal(ctx).userId(), new Settings(on(ctx, "likes"),
                on(ctx, "retweets"), on(ctx, "replies"), on(ctx, "follows"), on(ctx, "mentions")));
        Pages.seeOther(ctx, "/notifications?saved=settings");
    }

    private static boolean on(Context ctx, String name) {
        return "on".equals(ctx.formParam(name));
    }

    /** What the list says an item is, after the actor's name. */
    public static String describe(Notification n) {
        String others = n.count() > 1 ? " and " + (n.count() - 1) + (n.count() == 2 ? " other" : " others") : "";
        return others + switch (n.kind()) {
            case "like" -> " liked your tweet";
            case "reply_like" -> " liked your reply";
            case "retweet" -> " retweeted your tweet";
            case "reply" -> " replied to your tweet";
            case "follow" -> " followed you";
            case "mention" -> n.replyId() != null ? " mentioned you in a reply" : " mentioned you";
            default -> "";
        };
    }
}
