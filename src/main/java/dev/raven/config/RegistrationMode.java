package dev.raven.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** registration.mode: who may create an account. */
public enum RegistrationMode {
    /** Anyone may register (the default, and the behaviour before this setting existed). */
    OPEN,
    /** Anyone may ask; a moderator approves the account before it can log in. */
    APPROVAL,
    /** Registering needs a valid invite code. */
    INVITE,
    /** Nobody may register. */
    CLOSED;

    /** The name in config.properties and in GET /api/instance/. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RegistrationMode parse(String value) {
        for (RegistrationMode mode : values()) {
            if (mode.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new ConfigException("registration.mode: expected one of "
                + Arrays.stream(values()).map(RegistrationMode::key).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
