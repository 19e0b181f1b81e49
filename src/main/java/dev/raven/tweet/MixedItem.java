package dev.raven.tweet;

/**
 * An item of the contract's mixed lists (get_liked, get_user_media): a Tweet, or, once
 * replies exist, a {"tweet": parent, "reply": reply} pair. Serialized as its own shape.
 */
public interface MixedItem {
}
