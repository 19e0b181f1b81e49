package dev.raven.tag;

/** A trending tag: how many public tweets of the explore window used it. */
public record TrendingTag(String tag, long uses) {
}
