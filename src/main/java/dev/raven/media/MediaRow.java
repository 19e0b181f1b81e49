package dev.raven.media;

import java.time.Instant;

/** One upload, as stored. */
public record MediaRow(long id, String publicKey, long userId, String contentType, String extension, String blobHash,
                       int width, int height, String previewType, String previewHash, String description,
                       long sizeBytes, Instant createdAt, Long tweetId, Long replyId, String profileUse) {

    boolean attached() {
        return tweetId != null || replyId != null || profileUse != null;
    }

    /** The file name of the picture in /media/, e.g. {@code Zx3...q.jpg}. */
    String fileName() {
        return publicKey + "." + extension;
    }

    String previewFileName() {
        return publicKey + "-preview." + ImageKind.ofContentType(previewType).extension();
    }
}
