package dev.raven.notify;

/** What happened, as the notification's {@code kind}; {@code setting} is the per-user switch that covers it. */
public enum Kind {
    LIKE("like", "likes"),
    REPLY_LIKE("reply_like", "likes"),
    RETWEET("retweet", "retweets"),
    REPLY("reply", "replies"),
    FOLLOW("follow", "follows"),
    MENTION("mention", "mentions");

    public final String code;
    public final String setting;

    Kind(String code, String setting) {
        this.code = code;
        this.setting = setting;
    }

    /** Likes of one post may be grouped into one item of the list. */
    boolean groups() {
        return this == LIKE || this == REPLY_LIKE;
    }
}
