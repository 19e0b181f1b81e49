package dev.raven.reply;

/**
 * SQL fragments every reply query shares. They expect the reply as {@code r} and the
 * viewer as {@code :viewer}. A reply is visible exactly when its parent tweet is
 * ({@link dev.raven.tweet.TweetSql#VISIBLE} on the parent joined as {@code t}).
 */
public final class ReplySql {
    private ReplySql() {
    }

    /** The Reply record's columns; the viewer's flag is one primary-key probe. */
    public static final String COLUMNS = "r.id AS reply_id, r.tweet_id, r.user_id, r.content, u.username, p.alias, "
            + "p.image_url, r.media, r.media_url, r.likes_count AS number_of_likes, "
            + "EXISTS (SELECT 1 FROM reply_likes vl WHERE vl.reply_id = r.id AND vl.user_id = :viewer) AS liked, "
            + "r.created_at, (SELECT m.description FROM media m WHERE m.reply_id = r.id) AS media_description, "
            + dev.raven.tweet.Mentions.SQL_REPLY;

    public static final String FROM = "FROM replies r JOIN users u ON u.id = r.user_id "
            + "JOIN profiles p ON p.user_id = r.user_id ";
}
