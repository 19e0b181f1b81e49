package dev.raven.tweet;

/** What a user can do to a tweet once: like, save, retweet. Each has its table and tweet counter. */
enum Reaction {
    LIKE("tweet_likes", "likes_count"),
    SAVE("tweet_saves", "saves_count"),
    RETWEET("retweets", "retweets_count");

    final String table;
    final String counter;

    Reaction(String table, String counter) {
        this.table = table;
        this.counter = counter;
    }
}
