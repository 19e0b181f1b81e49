package dev.raven.notify;

import java.time.Instant;

/** A notifications row as the list reads it, with its actor and post. */
public record NotificationRow(long id, String kind, long actorId, String username, String alias, String imageUrl,
                              Long tweetId, Long replyId, String content, Instant createdAt, boolean read) {

    Notification toNotification() {
        Notification.Actor actor = new Notification.Actor(actorId, username, alias, imageUrl);
        return new Notification(id, kind, actor, java.util.List.of(actor), 1, tweetId, replyId, content, createdAt,
                read);
    }
}
