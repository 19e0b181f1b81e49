package dev.raven.explore;

import dev.raven.http.ApiException;

import java.util.Locale;

/**
 * What POST search/ looks for: {@code @name} searches usernames only, anything else
 * usernames and aliases. Lower-cased (matching is case-insensitive), and escaped for LIKE
 * so that {@code %} and {@code _} in the input match themselves.
 */
record SearchTerm(String text, boolean usernamesOnly) {
    /** Longer than any username (30) or alias (50) with room to spare; longer input cannot match. */
    static final int MAX_LENGTH = 100;
    /** The LIKE escape character in DiscoveryDao; not a backslash, whose meaning varies by database. */
    static final char ESCAPE = '!';

    static SearchTerm parse(String input) {
        String text = input == null ? "" : input.strip();
        boolean usernamesOnly = text.startsWith("@");
        if (usernamesOnly) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw ApiException.invalid("search_input", usernamesOnly
                    ? "Enter a username after @." : "Enter a name or @username to search for.");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw ApiException.invalid("search_input", "Ensure this field has no more than " + MAX_LENGTH
                    + " characters.");
        }
        return new SearchTerm(text.toLowerCase(Locale.ROOT), usernamesOnly);
    }

    /** For = comparisons: the exact (lower-cased) text. */
    String exact() {
        return text;
    }

    String prefixPattern() {
        return escaped() + "%";
    }

    String containsPattern() {
        return "%" + escaped() + "%";
    }

    private String escaped() {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
