package dev.raven.tweet;

/**
 * SQL fragments every tweet query shares, so that the visibility rule and the Tweet
 * columns are written once. They expect the tweet as {@code t} and the viewer as {@code :viewer}.
 */
public final class TweetSql {
    private TweetSql() {
    }

    /** A tweet is visible to its author, to the author's followers, and to everyone if public. */
    public static final String VISIBLE = "(t.is_public OR t.user_id = :viewer OR EXISTS ("
            + "SELECT 1 FROM follows vf WHERE vf.follower_id = :viewer AND vf.followed_id = t.user_id))";

    /** The Tweet record's columns; the viewer flags are one primary-key probe each. */
    public static final String COLUMNS = "t.id AS tweet_id, t.user_id, u.username, t.content, p.alias, t.media, "
            + "t.media_url, t.is_public, p.image_url AS profile_image, t.created_at, "
            + "t.saves_count AS number_of_saves, t.likes_count AS number_of_likes, "
            + "t.retweets_count AS number_of_retweets, t.replies_count AS number_of_replies, "
            + "EXISTS (SELECT 1 FROM tweet_likes vl WHERE vl.tweet_id = t.id AND vl.user_id = :viewer) AS liked, "
            + "EXISTS (SELECT 1 FROM retweets vr WHERE vr.tweet_id = t.id AND vr.user_id = :viewer) AS retweeted, "
            + "EXISTS (SELECT 1 FROM tweet_saves vs WHERE vs.tweet_id = t.id AND vs.user_id = :viewer) AS saved, "
            + Mentions.SQL_TWEET;

    public static final String FROM = "FROM tweets t JOIN users u ON u.id = t.user_id "
            + "JOIN profiles p ON p.user_id = t.user_id ";

    /** Keyset condition on (t.created_at, t.id), written so both databases use it as an index range. */
    public static final String BEFORE = "t.created_at <= :beforeAt AND (t.created_at < :beforeAt OR t.id < :beforeId)";
}
