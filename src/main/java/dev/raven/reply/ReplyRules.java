package dev.raven.reply;

import dev.raven.tweet.PostContent;

/**
 * What a reply may hold: the same rules as a tweet (content of at most tweet.max.length
 * code points, an http(s) media_url that agrees with the media flag), and never nothing.
 */
final class ReplyRules {
    static final String EMPTY_REPLY = "You cant post an empty Reply !";

    private final int maxLength;

    ReplyRules(int maxLength) {
        this.maxLength = maxLength;
    }

    /** A checked new reply: absent content is empty; an empty media_url is no media. */
    record Draft(String content, String mediaUrl) {
        boolean hasMedia() {
            return mediaUrl != null;
        }
    }

    Draft check(ReplyRequests.ReplyBody body) {
        String content = body.content() == null ? "" : body.content();
        String mediaUrl = body.mediaUrl() == null || body.mediaUrl().isEmpty() ? null : body.mediaUrl();
        PostContent.check(content, mediaUrl, body.media(), maxLength, "reply", EMPTY_REPLY);
        return new Draft(content, mediaUrl);
    }
}
