package dev.raven.reply;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The contract's Reply, as one viewer sees it ({@code liked} is that viewer's). Keys are
 * the record components in snake_case, except those whose contract names are not good
 * Java or SQL names: {@code tweet} (the parent tweet id), {@code user} (the author's
 * user id) and {@code timestamp}. {@code mediaDescription} is the alt text of a picture
 * uploaded to this instance (null for other media), for the web pages; the JSON keeps exactly
 * the contract's keys.
 */
public record Reply(
        long replyId,
        @JsonProperty("tweet") long tweetId,
        @JsonProperty("user") long userId,
        String content,
        String username,
        String alias,
        String imageUrl,
        boolean media,
        String mediaUrl,
        long numberOfLikes,
        boolean liked,
        @JsonProperty("timestamp") Instant createdAt,
        @JsonIgnore String mediaDescription,
        dev.raven.tweet.Mentions mentions) {

    /** The hashtags of the content, lower-cased (replies are not listed by tag). */
    @JsonProperty("tags")
    public java.util.List<String> tags() {
        return dev.raven.tweet.PostText.tags(content);
    }
}
