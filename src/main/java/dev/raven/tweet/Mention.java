package dev.raven.tweet;

/** A user a tweet or reply mentions, by their current username. */
public record Mention(long userId, String username) {
}
