package dev.raven.timeline;

/**
 * How home timelines are kept: {@code length} rows per reader (older pages use the pull
 * query), and accounts with more than {@code maxFanOutFollowers} followers are merged in at
 * read time instead of fanned out.
 */
public record TimelineSettings(boolean fanOut, int length, int maxFanOutFollowers) {
}
