package dev.raven.tweet;

import dev.raven.db.Columns;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL fragments every tweet query shares, so that the visibility rule and the Tweet
 * columns are written once. They expect the tweet as {@code t} and the viewer as {@code :viewer}.
 */
public final class TweetSql {
    private TweetSql() {
    }

    // Moderation rules as SQL. Annotations need constant strings, so each rule is written as
    // pieces around the column that holds the person's user id; the constants below apply
    // them to the columns our queries use, and the methods to any column (for built SQL).
    private static final String BLOCK_1 = "NOT EXISTS (SELECT 1 FROM blocks bk1 WHERE bk1.blocker_id = :viewer "
            + "AND bk1.blocked_id = ";
    private static final String BLOCK_2 = ") AND NOT EXISTS (SELECT 1 FROM blocks bk2 WHERE bk2.blocked_id = :viewer "
            + "AND bk2.blocker_id = ";
    private static final String MUTE_1 = "NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.muter_id = :viewer AND mu.muted_id = ";
    private static final String SUSPENDED_1 = "NOT EXISTS (SELECT 1 FROM users su WHERE su.id = ";
    private static final String SUSPENDED_2 = " AND su.status = 'suspended')";
    private static final String DISCOVERABLE_1 = "EXISTS (SELECT 1 FROM users du WHERE du.id = ";
    private static final String DISCOVERABLE_2 = " AND du.status = 'active' AND du.silenced = FALSE)";

    /**
     * "Either blocks the other": neither the viewer nor the tweet's author blocks the other.
     * Two primary-key probes (blocks_pk, blocks_blocked). Part of {@link #VISIBLE}.
     */
    public static final String NOT_BLOCKED = BLOCK_1 + "t.user_id" + BLOCK_2 + "t.user_id" + ")";
    /** "Viewer mutes author", negated: the home timeline and explore leave muted authors out. */
    public static final String NOT_MUTED = MUTE_1 + "t.user_id" + ")";
    /** "Author suspended", negated: a suspended account's content is hidden from everyone. Part of {@link #VISIBLE}. */
    public static final String NOT_SUSPENDED = SUSPENDED_1 + "t.user_id" + SUSPENDED_2;
    /** "Author silenced", negated (and active): explore, search and suggestions show only such authors. */
    public static final String DISCOVERABLE = DISCOVERABLE_1 + "t.user_id" + DISCOVERABLE_2;

    /** A reply's author (as {@code r.user_id}) the viewer may see: no block either way, not suspended. */
    public static final String REPLY_AUTHOR_SEEN = BLOCK_1 + "r.user_id" + BLOCK_2 + "r.user_id" + ") AND "
            + SUSPENDED_1 + "r.user_id" + SUSPENDED_2;
    /** The same rule for the people of a like list ({@code l.user_id}). */
    public static final String LIKER_SEEN = BLOCK_1 + "l.user_id" + BLOCK_2 + "l.user_id" + ") AND "
            + SUSPENDED_1 + "l.user_id" + SUSPENDED_2;
    /** ... of a reply-like list ({@code rl.user_id}). */
    public static final String REPLY_LIKER_SEEN = BLOCK_1 + "rl.user_id" + BLOCK_2 + "rl.user_id" + ") AND "
            + SUSPENDED_1 + "rl.user_id" + SUSPENDED_2;
    /**
     * The actor of a notification ({@code n.actor_id}) the recipient (as {@code :viewer}) is
     * still told about: no block either way, not suspended, not muted by the recipient.
     */
    public static final String ACTOR_SHOWN = BLOCK_1 + "n.actor_id" + BLOCK_2 + "n.actor_id" + ") AND "
            + SUSPENDED_1 + "n.actor_id" + SUSPENDED_2 + " AND " + MUTE_1 + "n.actor_id" + ")";
    /** ... of a followers list ({@code f.follower_id}). */
    public static final String FOLLOWER_SEEN = BLOCK_1 + "f.follower_id" + BLOCK_2 + "f.follower_id" + ") AND "
            + SUSPENDED_1 + "f.follower_id" + SUSPENDED_2;
    /** ... of a following list ({@code f.followed_id}). */
    public static final String FOLLOWED_SEEN = BLOCK_1 + "f.followed_id" + BLOCK_2 + "f.followed_id" + ") AND "
            + SUSPENDED_1 + "f.followed_id" + SUSPENDED_2;
    /** A followed user ({@code f.followed_id}) the viewer has not muted: their posts reach the home timeline. */
    public static final String FOLLOWED_NOT_MUTED = MUTE_1 + "f.followed_id" + ")";
    /** A retweeter ({@code r.user_id}) whose retweets reach the viewer's timeline: not muted, not suspended. */
    public static final String RETWEETER_SHOWN = MUTE_1 + "r.user_id" + ") AND " + SUSPENDED_1 + "r.user_id" + SUSPENDED_2;
    /** The same for {@code h.retweeter_id}, the retweeter of a fanned-out timeline row. */
    public static final String HOME_RETWEETER_SHOWN = MUTE_1 + "h.retweeter_id) AND "
            + SUSPENDED_1 + "h.retweeter_id" + SUSPENDED_2;
    /** The same for {@code r2.user_id}, the retweets a timeline row is compared with. */
    public static final String OTHER_RETWEETER_SHOWN = MUTE_1 + "r2.user_id" + ") AND "
            + SUSPENDED_1 + "r2.user_id" + SUSPENDED_2;
    /**
     * A profile {@code p} fit to suggest or find: active, not silenced, not in a block with
     * the viewer, not muted by the viewer.
     */
    public static final String PROFILE_FINDABLE = DISCOVERABLE_1 + "p.user_id" + DISCOVERABLE_2 + " AND "
            + BLOCK_1 + "p.user_id" + BLOCK_2 + "p.user_id" + ") AND " + MUTE_1 + "p.user_id" + ")";

    /**
     * A user {@code u} whose profile and profile lists the viewer may see: themselves, or an
     * active account (not pending, not suspended) that does not block the viewer. (One who
     * blocks someone still sees that account's profile, to undo the block; its posts stay hidden.)
     */
    public static final String USER_SEEN = "(u.id = :viewer OR (u.status = 'active' AND NOT EXISTS ("
            + "SELECT 1 FROM blocks bs WHERE bs.blocker_id = u.id AND bs.blocked_id = :viewer)))";

    /** {@link #NOT_BLOCKED} for any column holding a user id. */
    public static String notBlocked(String column) {
        return BLOCK_1 + column + BLOCK_2 + column + ")";
    }

    /** {@link #NOT_MUTED} for any column holding a user id. */
    public static String notMuted(String column) {
        return MUTE_1 + column + ")";
    }

    /** {@link #NOT_SUSPENDED} for any column holding a user id. */
    public static String notSuspended(String column) {
        return SUSPENDED_1 + column + SUSPENDED_2;
    }

    /** {@link #DISCOVERABLE} for any column holding a user id. */
    public static String discoverable(String column) {
        return DISCOVERABLE_1 + column + DISCOVERABLE_2;
    }

    /**
     * A tweet is visible to its author, to the author's followers, and to everyone if public;
     * never across a block (either way), and never when its author is suspended.
     */
    public static final String VISIBLE = "((t.is_public OR t.user_id = :viewer OR EXISTS ("
            + "SELECT 1 FROM follows vf WHERE vf.follower_id = :viewer AND vf.followed_id = t.user_id)) AND "
            + NOT_BLOCKED + " AND " + NOT_SUSPENDED + ")";

    /**
     * The Tweet record's columns, in the order {@link #TWEET} reads them; the viewer flags
     * are one primary-key probe each. Every query that maps a Tweet starts with them.
     */
    private static final String COUNTERS = "t.saves_count AS number_of_saves, t.likes_count AS number_of_likes, "
            + "t.retweets_count AS number_of_retweets, t.replies_count AS number_of_replies, "
            + "EXISTS (SELECT 1 FROM tweet_likes vl WHERE vl.tweet_id = t.id AND vl.user_id = :viewer) AS liked, "
            + "EXISTS (SELECT 1 FROM retweets vr WHERE vr.tweet_id = t.id AND vr.user_id = :viewer) AS retweeted, "
            + "EXISTS (SELECT 1 FROM tweet_saves vs WHERE vs.tweet_id = t.id AND vs.user_id = :viewer) AS saved ";

    public static final String COLUMNS = "t.id AS tweet_id, t.user_id, u.username, t.content, p.alias, t.media, "
            + "t.media_url, t.is_public, p.image_url AS profile_image, t.created_at, "
            + COUNTERS + ", "
            // The alt text of a picture stored here (media.tweet_id is indexed; at most one row).
            + "(SELECT m.description FROM media m WHERE m.tweet_id = t.id) AS media_description, "
            + Mentions.SQL_TWEET;


    public static final String FROM = "FROM tweets t JOIN users u ON u.id = t.user_id "
            + "JOIN profiles p ON p.user_id = t.user_id ";

    /** What changes of tweets whose {@link TweetCards} are held: the counters and the viewer's flags, by id. */
    static final String LIVE_BY_IDS = "SELECT t.id, " + COUNTERS + "FROM tweets t WHERE t.id IN (<ids>)";
    /** The counters alone, for a viewer whose flags are held too. */
    static final String COUNTERS_BY_IDS = "SELECT t.id, t.saves_count, t.likes_count, t.retweets_count, "
            + "t.replies_count FROM tweets t WHERE t.id IN (<ids>)";
    /**
     * Everything the viewer liked (1), retweeted (2) and saved (3), up to :limit rows: three
     * short ranges of the (user_id, created_at, ...) indexes, instead of three probes per tweet.
     */
    static final String VIEWER_REACTIONS = "SELECT 1 AS kind, tweet_id FROM tweet_likes WHERE user_id = :viewer "
            + "UNION ALL SELECT 2, tweet_id FROM retweets WHERE user_id = :viewer "
            + "UNION ALL SELECT 3, tweet_id FROM tweet_saves WHERE user_id = :viewer LIMIT :limit";

    /** The counters of a row of {@link #LIVE_BY_IDS} or {@link #COUNTERS_BY_IDS}. */
    static TweetCards.Counters counters(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TweetCards.Counters(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    /** A Tweet from what {@link TweetCards} holds (or a row of counters filled in), and the viewer's flags. */
    static Tweet tweet(TweetCards.Card card, TweetCards.Author author, TweetCards.Counters counters, boolean liked,
                       boolean retweeted, boolean saved) {
        return new Tweet(card.tweetId(), card.userId(), author.username(), card.content(), author.alias(),
                card.media(), card.mediaUrl(), card.isPublic(), author.profileImage(), card.createdAt(),
                counters.saves(), counters.likes(), counters.retweets(), counters.replies(), liked, retweeted, saved,
                card.mediaDescription(), card.mentions());
    }

    /**
     * A row of {@link #COLUMNS} as a Tweet, by position. Written out because JDBI's constructor
     * mapper matches names to parameters again for every statement: on a page of tweets that
     * cost more than reading the rows.
     */
    public static final RowMapper<Tweet> TWEET = (rs, ctx) -> new Tweet(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8),
            rs.getString(9), Columns.instant(rs, 10), rs.getLong(11), rs.getLong(12),
            rs.getLong(13), rs.getLong(14), rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17),
            rs.getString(18), Mentions.parse(rs.getString(19)));

    /** Keyset condition on (t.created_at, t.id), written so both databases use it as an index range. */
    public static final String BEFORE = "t.created_at <= :beforeAt AND (t.created_at < :beforeAt OR t.id < :beforeId)";
}
