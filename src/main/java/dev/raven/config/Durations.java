package dev.raven.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the config file's duration syntax: a whole number and one unit, e.g. 15m. */
final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private Durations() {
    }

    static Duration parse(String key, String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(key + ": expected a duration like 90s, 15m, 2h or 14d, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
