package dev.raven.notify;

/** The events' text: short, so NOTIFY payloads stay far below PostgreSQL's limit. */
final class StreamEvents {
    private StreamEvents() {
    }

    /** User has news: new notifications, or their unread count changed. */
    static String news(long userId) {
        return "n:" + userId;
    }

    /** A post by (or retweet of) the author, for their followers' home timelines. */
    static String timeline(long authorUserId, long tweetId) {
        return "t:" + authorUserId + ":" + tweetId;
    }
}
