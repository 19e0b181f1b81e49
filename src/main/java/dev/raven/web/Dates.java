package dev.raven.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as pages print them; app.js turns them into "5 min ago" in the browser. */
public final class Dates {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    public static String shortUtc(Instant at) {
        return SHORT.format(at);
    }
}
