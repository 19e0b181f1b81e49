package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The contract's Tweet, as one viewer sees it: {@code liked}, {@code retweeted} and
 * {@code saved} are that viewer's. Keys are the record components in snake_case, except
 * the two whose contract names are not good Java or SQL names. {@code mediaDescription} is the
 * alt text of a picture uploaded to this instance (null for other media), for the web pages;
 * the JSON keeps the contract's keys, plus {@code mentions} and
 * {@code tags} (issue 14).
 */
public record Tweet(
        long tweetId,
        long userId,
        String username,
        String content,
        String alias,
        boolean media,
        String mediaUrl,
        @JsonProperty("public") boolean isPublic,
        String profileImage,
        @JsonProperty("timestamp") Instant createdAt,
        long numberOfSaves,
        long numberOfLikes,
        long numberOfRetweets,
        long numberOfReplies,
        boolean liked,
        boolean retweeted,
        boolean saved,
        @JsonIgnore String mediaDescription,
        Mentions mentions) implements MixedItem {

    /** The hashtags of the content, lower-cased (the ones GET /api/tags/:tag/ finds it by). */
    @JsonProperty("tags")
    public java.util.List<String> tags() {
        return PostText.tags(content);
    }
}
