package dev.raven.tweet;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mentions} of a Tweet or Reply as JSON: a list of {user_id, username}. Read from
 * one column of the post's own row ({@link #SQL_TWEET}, {@link #SQL_REPLY}): "id:username"
 * pairs joined by commas (usernames hold neither), so a page of posts stays one statement.
 */
public record Mentions(@JsonValue List<Mention> list) {
    public static final Mentions NONE = new Mentions(List.of());

    /** The tweet {@code t}'s mentions as one text column. */
    public static final String SQL_TWEET = "(SELECT STRING_AGG(CAST(mu.id AS VARCHAR) || ':' || mu.username, ',') "
            + "FROM tweet_mentions tm JOIN users mu ON mu.id = tm.user_id WHERE tm.tweet_id = t.id) AS mentions ";
    /** The reply {@code r}'s mentions as one text column. */
    public static final String SQL_REPLY = "(SELECT STRING_AGG(CAST(mu.id AS VARCHAR) || ':' || mu.username, ',') "
            + "FROM reply_mentions rm JOIN users mu ON mu.id = rm.user_id WHERE rm.reply_id = r.id) AS mentions ";

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The mentioned user's id by username (ignoring case), for linking; -1 when not a recognised mention. */
    public long userIdOf(String username) {
        for (Mention m : list) {
            if (m.username().equalsIgnoreCase(username)) {
                return m.userId();
            }
        }
        return -1;
    }

    static Mentions parse(String column) {
        if (column == null || column.isEmpty()) {
            return NONE;
        }
        List<Mention> mentions = new ArrayList<>();
        for (String pair : column.split(",")) {
            int colon = pair.indexOf(':');
            mentions.add(new Mention(Long.parseLong(pair.substring(0, colon)), pair.substring(colon + 1)));
        }
        mentions.sort(java.util.Comparator.comparing(Mention::userId));
        return new Mentions(List.copyOf(mentions));
    }

    /** Registered on the DAOs that read Tweets and Replies. */
    public static final class Mapper implements ColumnMapper<Mentions> {
        @Override
        public Mentions map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            return parse(r.getString(columnNumber));
        }
    }
}
