package dev.raven.support;

/** A registered test user: ids, name and the tokens of its first login session. */
public record TestUser(long userId, long profileId, String username, String access, String refresh) {
    public static final String PASSWORD = "correct-horse-battery";
}
