package dev.raven.reply;

import dev.raven.tweet.MixedItem;
import dev.raven.tweet.Tweet;

/** A reply in a mixed list: {@code {"tweet": <parent Tweet>, "reply": <Reply>}}. */
public record ReplyItem(Tweet tweet, Reply reply) implements MixedItem {
}
