package dev.raven.notify;

/**
 * A notification to write: {@code actor} did {@code kind} to {@code recipient}, about
 * {@code tweetId} (the tweet, or a reply's tweet) and {@code replyId} (null unless a reply).
 */
public record Notice(Kind kind, long actorId, long recipientId, Long tweetId, Long replyId) {
    public static Notice onTweet(Kind kind, long actor, long recipient, long tweetId) {
        return new Notice(kind, actor, recipient, tweetId, null);
    }

    public static Notice onReply(Kind kind, long actor, long recipient, long tweetId, long replyId) {
        return new Notice(kind, actor, recipient, tweetId, replyId);
    }

    public static Notice follow(long actor, long recipient) {
        return new Notice(Kind.FOLLOW, actor, recipient, null, null);
    }
}
