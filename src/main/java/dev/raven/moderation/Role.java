package dev.raven.moderation;

import java.util.Locale;
import java.util.Optional;

/** A user's role, stored in users.role. Each role may do what the ones before it may. */
public enum Role {
    USER, MODERATOR, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.key().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Roles as stored; an unknown value counts as a plain user. */
    static Role of(String stored) {
        return parse(stored).orElse(USER);
    }
}
