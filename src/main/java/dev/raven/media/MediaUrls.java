package dev.raven.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** This instance's media addresses: /media/KEY.EXT for a picture, /media/KEY-preview.EXT for its preview. */
public final class MediaUrls {
    /** The public key: 16 random bytes, base64url without padding. */
    static final String KEY = "[A-Za-z0-9_-]{22}";
    private static final Pattern NAME = Pattern.compile("(" + KEY + ")(-preview)?\\.(jpg|png|gif|webp)");
    private static final Pattern PICTURE_PATH = Pattern.compile("/media/(" + KEY + ")\\.(jpg|png|gif|webp)");

    private MediaUrls() {
    }

    /** A requested file name, split into key and whether the preview is meant. */
    record Name(String key, boolean preview, String extension) {
    }

    static Optional<Name> parseName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Name(m.group(1), m.group(2) != null, m.group(3)));
    }

    /** The key of a URL that looks like one of this instance's pictures (not previews), whatever its host. */
    public static Optional<String> keyOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath();
            if (path == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            Matcher m = PICTURE_PATH.matcher(path);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
