package dev.raven.auth;

import dev.raven.http.FieldErrors;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's rules for usernames, emails, passwords and modes. */
final class AccountRules {
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_]{1,30}$");
    // Deliberately simple: one @, no spaces, a dot in the domain. Real checking is a mail round trip.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+$");
    static final int EMAIL_MAX = 254;
    static final int MODE_MAX = 20;
    static final int PASSWORD_MIN_BYTES = 8;
    static final int PASSWORD_MAX_BYTES = 72;

    private AccountRules() {
    }

    static String key(String usernameOrEmail) {
        return usernameOrEmail.toLowerCase(Locale.ROOT);
    }

    static void checkUsername(String username, FieldErrors errors) {
        if (username == null || username.isEmpty()) {
            errors.add("username", "This field is required.");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add("username", "Use 1 to 30 letters, digits or underscores.");
        }
    }

    static void checkEmail(String email, FieldErrors errors) {
        if (email == null || email.isEmpty()) {
            errors.add("email", "This field is required.");
        } else if (email.length() > EMAIL_MAX || key(email).length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            // Both must fit their columns, and lower-casing can lengthen a string ("İ" becomes two chars).
            errors.add("email", "Enter a valid email address.");
        }
    }

    static void checkPassword(String field, String password, String username, FieldErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "This field is required.");
            return;
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < PASSWORD_MIN_BYTES) {
            errors.add(field, "This password is too short. It must contain at least 8 characters.");
        } else if (bytes > PASSWORD_MAX_BYTES) {
            errors.add(field, "This password is too long. It must be at most 72 bytes in UTF-8.");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            errors.add(field, "The password must not be the same as the username.");
        }
    }

    static void checkMode(String mode, FieldErrors errors) {
        if (mode == null || mode.isBlank()) {
            errors.add("mode", "This field may not be blank.");
        } else if (mode.codePointCount(0, mode.length()) > MODE_MAX) {
            errors.add("mode", "Ensure this field has no more than " + MODE_MAX + " characters.");
        }
    }
}
