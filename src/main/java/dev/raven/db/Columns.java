package dev.raven.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading columns the way the whole project maps them, for row mappers written by hand. */
public final class Columns {
    private Columns() {
    }

    /**
     * A TIMESTAMP WITH TIME ZONE column as an Instant (null stays null): both drivers read it
     * as an OffsetDateTime. JdbiSetup's Instant column mapper is this too.
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
