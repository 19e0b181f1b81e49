package dev.raven.ratelimit;

import java.time.Duration;

/** A named limit: at most {@code max} events per subject in each {@code window}. */
public record LimitRule(String name, int max, Duration window) {
}
