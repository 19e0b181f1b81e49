package dev.raven.http;

import java.util.List;
import java.util.Map;

/** 400 invalid_text: text that is not valid Unicode is refused, never stored altered. */
final class InvalidText {
    static final String CODE = "invalid_text";

    private InvalidText() {
    }

    static ApiException inBody() {
        return new ApiException(400, CODE, "Request body is not valid UTF-8.");
    }

    static ApiException inField(String field) {
        String message = "Text must be valid Unicode: this has an unpaired surrogate escape (\\ud800 to \\udfff).";
        return field.isEmpty() ? new ApiException(400, CODE, message)
                : new ApiException(400, CODE, message, Map.of(field, List.of(message)), Map.of());
    }

    /** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
