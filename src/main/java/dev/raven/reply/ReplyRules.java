package dev.raven.reply;

import dev.raven.http.FieldErrors;
import dev.raven.profile.ProfileFields;

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
        FieldErrors errors = new FieldErrors();
        if (content.codePointCount(0, content.length()) > maxLength) {
            errors.add("content", "Ensure this field has no more than " + maxLength + " characters.");
        }
        if (mediaUrl != null) {
            ProfileFields.checkUrl(mediaUrl, errors, "media_url");
        }
        if (Boolean.TRUE.equals(body.media()) && mediaUrl == null) {
            errors.add("media_url", "A reply with media needs a media_url.");
        }
        if (Boolean.FALSE.equals(body.media()) && mediaUrl != null) {
            errors.add("media", "media cannot be false when a media_url is given.");
        }
        if (content.isBlank() && mediaUrl == null && !errors.has("media_url")) {
            errors.add("content", EMPTY_REPLY);
        }
        errors.throwIfAny();
        return new Draft(content, mediaUrl);
    }
}
