package dev.raven.web;

/** Which requests belong to the web app (HTML) rather than the JSON API or operations. */
public final class WebPaths {
    private WebPaths() {
    }

    public static boolean isWeb(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/health")
                || path.startsWith("/health/") || path.startsWith("/internal/"));
    }

    /**
     * A safe place to send the browser back to: a path on this site, never another host
     * ("//evil", "/\\evil") and never a header-splitting value.
     */
    public static String localOr(String target, String fallback) {
        if (target == null || target.isEmpty() || target.length() > 2000 || !target.startsWith("/")
                || target.startsWith("//") || target.startsWith("/\\")) {
            return fallback;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return fallback;
            }
        }
        return target;
    }
}
