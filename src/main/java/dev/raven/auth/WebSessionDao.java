package dev.raven.auth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The browser side of login sessions: the hash of the cookie's token (migration V5). */
interface WebSessionDao {

    @SqlUpdate("UPDATE login_sessions SET web_token_hash = :hash WHERE id = :id")
    void setWebToken(@Bind("id") long sessionId, @Bind("hash") String hash);

    @SqlQuery("SELECT mode FROM users WHERE id = :id")
    Optional<String> mode(@Bind("id") long userId);
}
