package dev.raven.auth;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** Rows of the users table. Usernames and emails are matched on their lower-cased keys. */
@RegisterConstructorMapper(UserRow.class)
public interface UserDao {
    String COLUMNS = "id, username, email, password_hash, mode, is_staff, is_active, date_joined, role, status";

    @SqlUpdate("INSERT INTO users (username, username_key, email, email_key, password_hash, date_joined) "
            + "VALUES (:username, :usernameKey, :email, :emailKey, :passwordHash, :dateJoined)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("usernameKey") String usernameKey,
                @Bind("email") String email, @Bind("emailKey") String emailKey,
                @Bind("passwordHash") String passwordHash, @Bind("dateJoined") Instant dateJoined);

    /** An account that waits for a moderator (registration.mode=approval): no sessions until approved. */
    @SqlUpdate("UPDATE users SET status = 'pending', is_active = FALSE, join_reason = :reason WHERE id = :id")
    void markPending(@Bind("id") long id, @Bind("reason") String reason);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<UserRow> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username_key = :key")
    Optional<UserRow> findByUsernameKey(@Bind("key") String key);

    @SqlQuery("SELECT COUNT(*) > 0 FROM users WHERE username_key = :key AND id <> :exceptId")
    boolean usernameTaken(@Bind("key") String key, @Bind("exceptId") long exceptId);

    @SqlQuery("SELECT COUNT(*) > 0 FROM users WHERE email_key = :key AND id <> :exceptId")
    boolean emailTaken(@Bind("key") String key, @Bind("exceptId") long exceptId);

    @SqlUpdate("UPDATE users SET username = :username, username_key = :usernameKey, email = :email, "
            + "email_key = :emailKey, mode = :mode WHERE id = :id")
    void updateAccount(@Bind("id") long id, @Bind("username") String username, @Bind("usernameKey") String usernameKey,
                       @Bind("email") String email, @Bind("emailKey") String emailKey, @Bind("mode") String mode);

    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
    void updatePassword(@Bind("id") long id, @Bind("hash") String hash);

    @SqlUpdate("DELETE FROM users WHERE id = :id")
    int delete(@Bind("id") long id);
}
