package dev.raven.reply;

/** Request bodies of the reply routes; absent fields are null. */
final class ReplyRequests {
    private ReplyRequests() {
    }

    /** POST replies_list/:tweet_id/. */
    record ReplyBody(String content, Boolean media, String mediaUrl) {
    }
}
