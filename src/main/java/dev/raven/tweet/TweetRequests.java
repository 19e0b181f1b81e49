package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Request bodies of the tweet routes; absent fields are null. */
final class TweetRequests {
    private TweetRequests() {
    }

    /** POST tweets_list/ and PUT manage_tweet/:id/ (where every field is optional). */
    record TweetBody(String content, Boolean media, String mediaUrl, @JsonProperty("public") Boolean isPublic) {
    }
}
