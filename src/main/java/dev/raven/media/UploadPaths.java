package dev.raven.media;

import java.util.regex.Pattern;

/**
 * The paths whose bodies may be as large as a picture (media.max.bytes plus the form): the
 * body reader runs before routing, so it matches paths, not routes. RavenApp checks at
 * start-up that every route marked {@code Uploads.PICTURE} is matched here, and nothing else.
 */
public final class UploadPaths {
    private static final Pattern PATHS = Pattern.compile(
            "/api/media/?|/tweets/?|/tweets/[^/]+/replies/?|/settings/pictures/?");

    private UploadPaths() {
    }

    public static boolean matches(String path) {
        return path != null && PATHS.matcher(path).matches();
    }
}
