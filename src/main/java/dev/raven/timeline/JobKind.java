package dev.raven.timeline;

/** What a queued fan-out job does; {@code name} is its value in timeline_jobs.kind. */
enum JobKind {
    /** user = author, subject = tweet: the tweet goes to the author's followers. */
    TWEET("tweet"),
    /** user = retweeter, subject = tweet: the retweet goes to the retweeter's followers. */
    RETWEET("retweet"),
    /** user = retweeter, subject = tweet: clean up rows of a retweet that is gone. */
    UNRETWEET("unretweet"),
    /** user = reader, subject = followed user: back-fill the followed user's recent items. */
    FOLLOW("follow"),
    /** user = reader, subject = no longer followed user: clean up their items. */
    UNFOLLOW("unfollow"),
    /** user = reader: recompute the reader's rows from the source tables. */
    REBUILD("rebuild");

    final String dbName;

    JobKind(String dbName) {
        this.dbName = dbName;
    }

    static JobKind of(String dbName) {
        for (JobKind k : values()) {
            if (k.dbName.equals(dbName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown timeline job kind " + dbName);
    }
}
