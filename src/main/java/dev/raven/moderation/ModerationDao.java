package dev.raven.moderation;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Roles and account states, reports, and the moderation log. */
@RegisterConstructorMapper(ModeratedUser.class)
@RegisterConstructorMapper(Report.class)
@RegisterConstructorMapper(LogEntry.class)
public interface ModerationDao {
    String USER_COLUMNS = "u.id AS user_id, u.username, u.email, u.role, u.status, u.silenced, u.join_reason, "
            + "u.date_joined";
    String REPORT_COLUMNS = "r.id, r.target_type, r.target_id, r.target_user_id, r.target_username, "
            + "r.snapshot AS content, r.reason, r.comment, r.reporter_id, ru.username AS reporter_username, r.status, "
            + "r.resolution, mu.username AS resolved_by_username, r.resolved_at, r.created_at";
    String REPORT_FROM = "FROM reports r LEFT JOIN users ru ON ru.id = r.reporter_id "
            + "LEFT JOIN users mu ON mu.id = r.resolved_by ";

    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = :id")
    Optional<ModeratedUser> user(@Bind("id") long userId);

    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.username_key = :key")
    Optional<ModeratedUser> userByKey(@Bind("key") String usernameKey);

    /** Locks the account's row: two moderators acting on one account run one after the other. */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = :id FOR UPDATE")
    Optional<ModeratedUser> lockUser(@Bind("id") long userId);

    @SqlUpdate("UPDATE users SET role = :role WHERE id = :id")
    void setRole(@Bind("id") long userId, @Bind("role") String role);

    /** is_active follows status: only active accounts have sessions. */
    @SqlUpdate("UPDATE users SET status = :status, is_active = (:status = 'active') WHERE id = :id")
    void setStatus(@Bind("id") long userId, @Bind("status") String status);

    @SqlUpdate("UPDATE users SET silenced = :silenced WHERE id = :id")
    void setSilenced(@Bind("id") long userId, @Bind("silenced") boolean silenced);

    /** Accounts waiting for approval, newest first (keyset on date_joined, id). */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.status = 'pending' "
            + "AND u.date_joined <= :beforeAt AND (u.date_joined < :beforeAt OR u.id < :beforeId) "
            + "ORDER BY u.status, u.date_joined DESC, u.id DESC LIMIT :limit")
    List<ModeratedUser> pending(@Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId,
                                @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO reports (reporter_id, target_type, target_id, target_user_id, target_username, snapshot, "
            + "reason, comment, created_at) VALUES (:reporter, :type, :targetId, :targetUser, :targetUsername, "
            + ":snapshot, :reason, :comment, :now)")
    @GetGeneratedKeys("id")
    long insertReport(@Bind("reporter") long reporterId, @Bind("type") String type, @Bind("targetId") long targetId,
                      @Bind("targetUser") long targetUserId, @Bind("targetUsername") String targetUsername,
                      @Bind("snapshot") String snapshot, @Bind("reason") String reason,
                      @Bind("comment") String comment, @Bind("now") Instant now);

    @SqlQuery("SELECT " + REPORT_COLUMNS + " " + REPORT_FROM + "WHERE r.id = :id")
    Optional<Report> report(@Bind("id") long reportId);

    @SqlQuery("SELECT id FROM reports WHERE id = :id FOR UPDATE")
    Optional<Long> lockReport(@Bind("id") long reportId);

    /** The queue: reports of one status, newest first. */
    @SqlQuery("SELECT " + REPORT_COLUMNS + " " + REPORT_FROM + "WHERE r.status = :status "
            + "AND r.created_at <= :beforeAt AND (r.created_at < :beforeAt OR r.id < :beforeId) "
            + "ORDER BY r.status, r.created_at DESC, r.id DESC LIMIT :limit")
    List<Report> reports(@Bind("status") String status, @Bind("beforeAt") Instant beforeAt,
                         @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    @SqlUpdate("UPDATE reports SET status = 'resolved', resolution = :resolution, resolved_by = :by, "
            + "resolved_at = :now WHERE id = :id AND status = 'open'")
    int resolve(@Bind("id") long reportId, @Bind("resolution") String resolution, @Bind("by") Long moderatorId,
                @Bind("now") Instant now);

    /** Every other open report of the same content is settled by the same action. */
    @SqlUpdate("UPDATE reports SET status = 'resolved', resolution = :resolution, resolved_by = :by, "
            + "resolved_at = :now WHERE target_type = :type AND target_id = :targetId AND status = 'open'")
    int resolveAllOf(@Bind("type") String type, @Bind("targetId") long targetId,
                     @Bind("resolution") String resolution, @Bind("by") Long moderatorId, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO moderation_log (actor_id, actor_username, action, target_type, target_id, target_username, "
            + "report_id, reason, created_at) VALUES (:actor, :actorName, :action, :type, :targetId, :targetName, "
            + ":report, :reason, :now)")
    void log(@Bind("actor") Long actorId, @Bind("actorName") String actorUsername, @Bind("action") String action,
             @Bind("type") String targetType, @Bind("targetId") long targetId,
             @Bind("targetName") String targetUsername, @Bind("report") Long reportId,
             @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlQuery("SELECT id, actor_id, actor_username, action, target_type, target_id, target_username, report_id, "
            + "reason, created_at FROM moderation_log "
            + "WHERE created_at <= :beforeAt AND (created_at < :beforeAt OR id < :beforeId) "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<LogEntry> log(@Bind("beforeAt") Instant beforeAt, @Bind("beforeId") long beforeId, @Bind("limit") int limit);

    /** What a report keeps of a tweet: its author and text (and media URL). */
    @SqlQuery("SELECT t.user_id, u.username, t.content, t.media_url FROM tweets t JOIN users u ON u.id = t.user_id "
            + "WHERE t.id = :id")
    @RegisterConstructorMapper(Content.class)
    Optional<Content> tweet(@Bind("id") long tweetId);

    @SqlQuery("SELECT r.user_id, u.username, r.content, r.media_url FROM replies r JOIN users u ON u.id = r.user_id "
            + "WHERE r.id = :id")
    @RegisterConstructorMapper(Content.class)
    Optional<Content> reply(@Bind("id") long replyId);

    @SqlQuery("SELECT p.user_id, u.username, p.alias AS content, p.bio AS media_url FROM profiles p "
            + "JOIN users u ON u.id = p.user_id WHERE p.user_id = :id")
    @RegisterConstructorMapper(Content.class)
    Optional<Content> profile(@Bind("id") long userId);

    /** Reported content: author and text. For a profile, {@code content} is the alias and {@code mediaUrl} the bio. */
    record Content(long userId, String username, String content, String mediaUrl) {
    }
}
