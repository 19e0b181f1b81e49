package dev.raven.profile;

import dev.raven.http.FieldErrors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validation rules for the editable profile fields, shared by registration and profile edit. */
public final class ProfileFields {
    public static final int ALIAS_MAX = 50;
    public static final int BIO_MAX = 500;
    public static final int URL_MAX = 2048;

    private ProfileFields() {
    }

    public static void checkAlias(String alias, FieldErrors errors, String field) {
        if (alias != null && alias.codePointCount(0, alias.length()) > ALIAS_MAX) {
            errors.add(field, "Ensure this field has no more than " + ALIAS_MAX + " characters.");
        }
    }

    public static void checkBio(String bio, FieldErrors errors, String field) {
        if (bio != null && bio.codePointCount(0, bio.length()) > BIO_MAX) {
            errors.add(field, "Ensure this field has no more than " + BIO_MAX + " characters.");
        }
    }

    /** An absent or empty URL is fine; otherwise it must be an absolute http(s) URL. */
    public static void checkUrl(String url, FieldErrors errors, String field) {
        if (url == null || url.isEmpty()) {
            return;
        }
        if (url.length() > URL_MAX) {
            errors.add(field, "Ensure this field has no more than " + URL_MAX + " characters.");
        } else if (!isHttpUrl(url)) {
            errors.add(field, "Enter a valid http or https URL.");
        }
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
