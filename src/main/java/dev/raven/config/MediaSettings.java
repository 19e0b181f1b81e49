package dev.raven.config;

/**
 * Pictures stored by the instance (the media.* settings; see config.properties).
 *
 * @param store              where the bytes live: data.dir/media, or the database
 * @param maxBytes           largest upload accepted (413 above)
 * @param maxPixels          largest width x height accepted, checked from the header before decoding (413 above)
 * @param quotaBytes         what one person's uploads may add up to (413 above)
 * @param allowExternalUrls  whether media_url, image_url and background_image_url may point elsewhere
 */
public record MediaSettings(Store store, long maxBytes, long maxPixels, long quotaBytes, boolean allowExternalUrls) {

    public enum Store { FILESYSTEM, DATABASE }

    /** Room for the multipart envelope and the form's other fields around the picture. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** The body limit of the routes that take an upload. */
    public long uploadBodyBytes() {
        return maxBytes + MULTIPART_OVERHEAD;
    }
}
