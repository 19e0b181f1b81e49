package dev.raven.tweet;

/**
 * An item of the contract's mixed lists (get_liked, get_user_media, get_user_replies,
 * get_user_tweets_and_replies): a {@link Tweet}, or a {"tweet": parent, "reply": reply}
 * pair ({@link dev.raven.reply.ReplyItem}). Each is serialized as its own shape.
 */
public interface MixedItem {
}
