package dev.raven.db;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of a list page: the id of what to show, and the time it sorts by. */
public record ListRow(long id, Instant sortAt) {

    /**
     * Columns {@code id} and {@code sort_at}, looked up once per statement (JDBI's constructor
     * mapper matches names to parameters with reflection for every statement; list pages are hot).
     */
    public static final class Mapper implements RowMapper<ListRow> {
        @Override
        public RowMapper<ListRow> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            int id = rs.findColumn("id");
            int sortAt = rs.findColumn("sort_at");
            return (r, c) -> new ListRow(r.getLong(id), Columns.instant(r, sortAt));
        }

        @Override
        public ListRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }
    }
}
