package dev.raven.http;

import org.eclipse.jetty.http.UriCompliance;

/**
 * Which request paths Jetty lets through to the routes. Javalin asks Jetty for its LEGACY
 * rules, which accept IIS-style UTF-16 escapes ({@code %u0031}); Javalin's own path-parameter
 * decoding then throws on them, a 500. They are not RFC 3986 escapes, so they are refused like
 * any other bad escape ({@code %zz}): a JSON 400 before routing, from {@link JsonErrorPages}.
 */
public final class UriRules {
    public static final UriCompliance COMPLIANCE =
            UriCompliance.LEGACY.without("RAVEN", UriCompliance.Violation.UTF16_ENCODINGS);

    private UriRules() {
    }
}
