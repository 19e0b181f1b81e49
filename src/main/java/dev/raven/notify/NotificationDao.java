package dev.raven.notify;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.raven.tweet.TweetSql.ACTOR_SHOWN;
import static dev.raven.tweet.TweetSql.NOT_MUTED;
import static dev.raven.tweet.TweetSql.VISIBLE;

/**
 * Notifications and each user's notification_state (settings and read marker). Every read
 * states the visibility rule with the recipient as viewer: a notification about a post the
 * recipient may no longer see is not shown.
 */
@RegisterConstructorMapper(NotificationRow.class)
@RegisterConstructorMapper(Settings.class)
public interface NotificationDao {

    String READ_UP_TO = "COALESCE((SELECT s.read_up_to FROM notification_state s WHERE s.user_id = :viewer), 0)";

    String ROW = "SELECT n.id, n.kind, n.actor_id, u.username, p.alias, p.image_url, n.tweet_id, n.reply_id, "
            + "COALESCE(r.content, t.content) AS content, n.created_at, n.id <= " + READ_UP_TO + " AS read "
            + "FROM notifications n JOIN users u ON u.id = n.actor_id JOIN profiles p ON p.user_id = n.actor_id "
            + "LEFT JOIN tweets t ON t.id = n.tweet_id LEFT JOIN replies r ON r.id = n.reply_id "
            + "WHERE n.recipient_id = :viewer AND (n.tweet_id IS NULL OR " + VISIBLE + ") AND " + ACTOR_SHOWN + " ";

    /** Makes the user's state row if there is none (the defaults); then {@link #lock} finds it. */
    @SqlUpdate("INSERT INTO notification_state (user_id) VALUES (:user) ON CONFLICT DO NOTHING")
    void ensureState(@Bind("user") long userId);

    /** Locks the recipient's row: one recipient's notifications are written one at a time, in id order. */
    @SqlQuery("SELECT likes, retweets, replies, follows, mentions FROM notification_state WHERE user_id = :user FOR UPDATE")
    Optional<Settings> lock(@Bind("user") long userId);

    @SqlQuery("SELECT likes, retweets, replies, follows, mentions FROM notification_state WHERE user_id = :user")
    Optional<Settings> settings(@Bind("user") long userId);

    @SqlUpdate("UPDATE notification_state SET likes = :likes, retweets = :retweets, replies = :replies, "
            + "follows = :follows, mentions = :mentions WHERE user_id = :user")
    void saveSettings(@Bind("user") long userId, @Bind("likes") boolean likes, @Bind("retweets") boolean retweets,
                      @Bind("replies") boolean replies, @Bind("follows") boolean follows,
                      @Bind("mentions") boolean mentions);

    /** May the recipient see this tweet: the rule every list uses, the recipient as viewer. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM tweets t WHERE t.id = :tweet AND " + VISIBLE)
    boolean visibleTo(@Bind("tweet") long tweetId, @Bind("viewer") long recipientUserId);

    @SqlUpdate("INSERT INTO notifications (recipient_id, actor_id, kind, tweet_id, reply_id, created_at) "
            + "VALUES (:recipient, :actor, :kind, :tweet, :reply, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("recipient") long recipient, @Bind("actor") long actor, @Bind("kind") String kind,
                @Bind("tweet") Long tweetId, @Bind("reply") Long replyId, @Bind("now") Instant now);

    String UNREAD_OF_RECIPIENT = "id > COALESCE((SELECT s.read_up_to FROM notification_state s "
            + "WHERE s.user_id = :recipient), 0)";

    /** Undo of a follow: the follower's unread notification. */
    @SqlUpdate("DELETE FROM notifications WHERE actor_id = :actor AND recipient_id = :recipient AND kind = :kind "
            + "AND tweet_id IS NULL AND " + UNREAD_OF_RECIPIENT)
    int deleteUnread(@Bind("actor") long actor, @Bind("recipient") long recipient, @Bind("kind") String kind);

    /** Undo of an action on a tweet (like, retweet, a mention edited away). */
    @SqlUpdate("DELETE FROM notifications WHERE actor_id = :actor AND recipient_id = :recipient AND kind = :kind "
            + "AND tweet_id = :tweet AND reply_id IS NULL AND " + UNREAD_OF_RECIPIENT)
    int deleteUnreadOnTweet(@Bind("actor") long actor, @Bind("recipient") long recipient, @Bind("kind") String kind,
                            @Bind("tweet") long tweetId);

    /** Undo of an action on a reply (a like of it). */
    @SqlUpdate("DELETE FROM notifications WHERE actor_id = :actor AND recipient_id = :recipient AND kind = :kind "
            + "AND reply_id = :reply AND " + UNREAD_OF_RECIPIENT)
    int deleteUnreadOnReply(@Bind("actor") long actor, @Bind("recipient") long recipient, @Bind("kind") String kind,
                            @Bind("reply") long replyId);

    /** The list, newest first: one index range of the recipient's, keyset on id. */
    @SqlQuery(ROW + "AND n.id < :beforeId ORDER BY n.recipient_id, n.id DESC LIMIT :limit")
    List<NotificationRow> page(@Bind("viewer") long viewer, @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** The stream's catch-up: those after an id, oldest first. */
    @SqlQuery(ROW + "AND n.id > :afterId ORDER BY n.recipient_id, n.id LIMIT :limit")
    List<NotificationRow> after(@Bind("viewer") long viewer, @Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM notifications WHERE recipient_id = :viewer")
    long newestId(@Bind("viewer") long viewer);

    /** Unread, visible notifications, counted up to a ceiling. */
    @SqlQuery("SELECT COUNT(*) FROM (SELECT n.id FROM notifications n LEFT JOIN tweets t ON t.id = n.tweet_id "
            + "WHERE n.recipient_id = :viewer AND n.id > " + READ_UP_TO + " AND (n.tweet_id IS NULL OR " + VISIBLE + ") "
            + "AND " + ACTOR_SHOWN + " "
            + "LIMIT :ceiling) c")
    int unread(@Bind("viewer") long viewer, @Bind("ceiling") int ceiling);

    /** The read marker only moves forward. */
    @SqlUpdate("UPDATE notification_state SET read_up_to = :upTo WHERE user_id = :viewer AND read_up_to < :upTo")
    int markRead(@Bind("viewer") long viewer, @Bind("upTo") long upTo);

    /** Who of these users follows whom of these authors: the home timelines new posts reach, among open streams. */
    @SqlQuery("SELECT follower_id, followed_id FROM follows WHERE followed_id IN (<authors>) AND follower_id IN (<users>)")
    @RegisterConstructorMapper(FollowPair.class)
    List<FollowPair> followsAmong(@BindList("authors") List<Long> authors, @BindList("users") List<Long> users);

    record FollowPair(long followerId, long followedId) {
    }

    /** The home timeline's tweets after a tweet id, up to a ceiling: the "N new posts" at a stream's start. */
    @SqlQuery("SELECT COUNT(*) FROM (SELECT t.id FROM tweets t JOIN follows f ON f.followed_id = t.user_id "
            + "WHERE f.follower_id = :viewer AND t.id > :since AND " + NOT_MUTED + " LIMIT :ceiling) c")
    int newTimelineTweets(@Bind("viewer") long viewer, @Bind("since") long sinceTweetId, @Bind("ceiling") int ceiling);

    /** Of these login sessions, those still live (not revoked, not expired, account active). */
    @SqlQuery("SELECT s.id FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE s.id IN (<ids>) "
            + "AND s.revoked_at IS NULL AND s.expires_at > :now AND u.is_active = TRUE")
    List<Long> liveSessions(@BindList("ids") List<Long> sessionIds, @Bind("now") Instant now);
}
