package dev.raven.config;

/**
 * Pictures stored by the instance (the media.* settings; see config.properties).
 *
 * @param store              where the bytes live: data.dir/media, or the database
 * @param maxBytes           largest upload accepted (413 above)
 * @param maxPixels          largest width x height accepted, checked from the header before decoding (413 above)
 * @param quotaBytes         what one person's uploads may add up to (413 above)
 * @param allowExternalUrls  whether media_url, image_url and background_image_url may point elsewhere
 * @param uploadBufferBytes  upload bytes held at once across all uploads in flight; 0 = a thirty-second of the heap
 */
public record MediaSettings(Store store, long maxBytes, long maxPixels, long quotaBytes, boolean allowExternalUrls,
                            long uploadBufferBytes) {

    public enum Store { FILESYSTEM, DATABASE }

    /** Room for the multipart envelope and the form's other fields around the picture. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;

    /** The body limit of the routes that take an upload. */
    public long uploadBodyBytes() {
        return maxBytes + MULTIPART_OVERHEAD;
    }

    /**
     * The budget for upload bodies in flight. Each one is held about six times over while it
     * is parsed, cleaned and hashed, so the automatic budget is a thirty-second of the heap
     * (4 MB of the documented 128 MB heap: four 1 MB pictures at once). An upload larger than
     * the whole budget takes all of it and runs alone.
     */
    public long uploadBudgetBytes() {
        return uploadBufferBytes > 0 ? uploadBufferBytes : Math.max(1, Runtime.getRuntime().maxMemory() / 32);
    }
}
