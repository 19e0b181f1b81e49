package dev.raven.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a database needs after tables were filled in bulk (seed, migrate-db). */
public final class BulkLoads {
    private BulkLoads() {
    }

    /**
     * Planner statistics for every table; on PostgreSQL also their visibility maps (VACUUM),
     * as autovacuum leaves a running instance's tables: without them every index entry read
     * means reading its table row too (no index-only scans; the fan-out's read of the
     * followers took 67 ms for 100 tweets against 15 ms, docs/BENCHMARKS.md). Only the
     * tables of the connection's schema, so other schemas of the database are left alone.
     * {@code c} must not be inside a transaction (VACUUM cannot run in one).
     */
    public static void refreshStatistics(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                s.execute("ANALYZE");
                return;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT quote_ident(tablename) FROM pg_tables "
                    + "WHERE schemaname = current_schema()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
            }
        }
    }
}
