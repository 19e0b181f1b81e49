package dev.raven.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.raven.auth.AuthGuard;
import dev.raven.http.ApiException;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import io.javalin.http.Context;

import java.util.Map;

/** /api/notifications/: the list, the unread count, the read marker and the per-kind settings. */
public final class NotificationHandler {
    private final Notifications notifications;
    private final Bodies bodies;
    private final Paging paging;

    public NotificationHandler(Notifications notifications, Bodies bodies, Paging paging) {
        this.notifications = notifications;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** GET /api/notifications/. */
    public void list(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(notifications.page(viewer(ctx), page,
                rows -> paging.page(ctx, page, rows, Notifications::cursor)));
    }

    /** GET /api/notifications/unread_count/. */
    public void unreadCount(Context ctx) {
        ctx.status(200).json(Map.of("unread_count", notifications.unread(viewer(ctx))));
    }

    /** The body of POST read/: the newest id read; absent: everything so far. */
    record ReadBody(@JsonProperty("up_to") Long upTo) {
    }

    /** POST /api/notifications/read/. */
    public void markRead(Context ctx) {
        ReadBody body = bodies.read(ctx, ReadBody.class);
        if (body.upTo() != null && body.upTo() < 1) {
            throw ApiException.invalid("up_to", "up_to must be a notification id (a positive integer).");
        }
        Long upTo = body.upTo();
        ctx.status(200).json(Map.of("unread_count", notifications.markRead(viewer(ctx), upTo)));
    }

    /** GET /api/notifications/settings/. */
    public void settings(Context ctx) {
        ctx.status(200).json(notifications.settings(viewer(ctx)));
    }

    /** PUT /api/notifications/settings/: any of {likes, retweets, replies, follows, mentions}. */
    public void changeSettings(Context ctx) {
        Settings.Change change = bodies.read(ctx, Settings.Change.class);
        ctx.status(200).json(notifications.changeSettings(viewer(ctx), change));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
