package dev.raven.tweet;


/**
 * What a tweet may hold: content of at most tweet.max.length code points, an http(s)
 * media_url, a media flag that agrees with it, and never nothing at all.
 */
final class TweetRules {
    static final String EMPTY_TWEET = "You cant post an empty tweet !";

    private final int maxLength;

    TweetRules(int maxLength) {
        this.maxLength = maxLength;
    }

    /** A tweet's new state, already merged with the old one for an edit. */
    record Draft(String content, String mediaUrl, boolean isPublic) {
        boolean hasMedia() {
            return mediaUrl != null;
        }
    }

    /** A new tweet from a POST body: absent content is empty, absent public is true. */
    Draft forCreate(TweetRequests.TweetBody body) {
        Draft draft = new Draft(body.content() == null ? "" : body.content(), emptyToNull(body.mediaUrl()),
                body.isPublic() == null || body.isPublic());
        check(draft, body);
        return draft;
    }

    /**
     * An edited tweet: absent fields keep their value; {@code media: false} or an empty
     * media_url removes the media.
     */
    Draft forEdit(TweetDao.LockedTweet current, TweetRequests.TweetBody body) {
        String mediaUrl;
        if (body.mediaUrl() != null) {
            mediaUrl = emptyToNull(body.mediaUrl());
        } else if (Boolean.FALSE.equals(body.media())) {
            mediaUrl = null;
        } else {
            mediaUrl = current.mediaUrl();
        }
        Draft draft = new Draft(body.content() == null ? current.content() : body.content(), mediaUrl,
                body.isPublic() == null ? current.isPublic() : body.isPublic());
        check(draft, body);
        return draft;
    }

    private void check(Draft draft, TweetRequests.TweetBody body) {
        PostContent.check(draft.content(), draft.mediaUrl(), body.media(), maxLength, "tweet", EMPTY_TWEET);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
