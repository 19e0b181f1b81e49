package dev.raven.tweet;

import dev.raven.http.FieldErrors;
import dev.raven.profile.ProfileFields;

/**
 * The rules tweets and replies share: content of at most the configured number of code
 * points, an http(s) media_url that agrees with the media flag, and never nothing at all.
 */
public final class PostContent {
    private PostContent() {
    }

    /**
     * Throws the 400 listing every broken rule. {@code kind} names the post in messages
     * ("tweet", "reply"); {@code mediaFlag} is the request's {@code media}, if it sent one.
     */
    public static void check(String content, String mediaUrl, Boolean mediaFlag, int maxLength, String kind,
                             String emptyMessage) {
        FieldErrors errors = new FieldErrors();
        if (content.codePointCount(0, content.length()) > maxLength) {
            errors.add("content", "Ensure this field has no more than " + maxLength + " characters.");
        }
        if (mediaUrl != null) {
            ProfileFields.checkUrl(mediaUrl, errors, "media_url");
        }
        if (Boolean.TRUE.equals(mediaFlag) && mediaUrl == null) {
            errors.add("media_url", "A " + kind + " with media needs a media_url.");
        }
        if (Boolean.FALSE.equals(mediaFlag) && mediaUrl != null) {
            errors.add("media", "media cannot be false when a media_url is given.");
        }
        if (content.isBlank() && mediaUrl == null && !errors.has("media_url")) {
            errors.add("content", emptyMessage);
        }
        errors.throwIfAny();
    }
}
