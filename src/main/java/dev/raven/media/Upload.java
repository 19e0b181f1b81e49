package dev.raven.media;

/**
 * POST /api/media/'s answer: {@code url} goes into media_url, image_url or
 * background_image_url; {@code preview_url} is a smaller copy (at most 640 px) for lists.
 */
public record Upload(long id, String url, String previewUrl, String contentType, int width, int height,
                     String description) {
}
