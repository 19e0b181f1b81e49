package dev.raven.notify;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One item of GET /api/notifications/: who ({@code actor}), what ({@code kind}), which post
 * ({@code tweet_id}, {@code reply_id}, its {@code content}), when, and whether it is read.
 * Likes of one post on one page are grouped into the newest: {@code count} of them, the
 * first few of whom are in {@code actors}; {@code count} is 1 for every other item.
 */
public record Notification(long id, String kind, Actor actor, List<Actor> actors, int count, Long tweetId,
                           Long replyId, String content, @JsonProperty("timestamp") Instant createdAt,
                           boolean read) {

    /** Who did it. */
    public record Actor(long userId, String username, String alias, String imageUrl) {
    }
}
