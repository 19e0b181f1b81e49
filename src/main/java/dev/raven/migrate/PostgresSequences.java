package dev.raven.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PostgreSQL side of the copy: which columns draw ids from a sequence (identity or
 * serial), and moving those sequences past the copied ids so new rows get fresh ones.
 */
final class PostgresSequences {
    private PostgresSequences() {
    }

    /** Tables of the current schema with their sequence-backed columns. */
    static Map<String, Set<String>> generatedColumns(Connection c) throws SQLException {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') "
                + "ORDER BY table_name, column_name");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    /** Sets each sequence so that its next value is max(column) + 1; returns one line per sequence. */
    static List<String> restartAfterCopiedIds(Connection c, Map<String, Set<String>> generatedColumns)
            throws SQLException {
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Set<String>> table : generatedColumns.entrySet()) {
            for (String column : table.getValue()) {
                String sql = "SELECT setval(pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(?), ?), "
                        + "(SELECT COALESCE(MAX(" + Table.quote(column) + "), 0) + 1 FROM " + Table.quote(table.getKey())
                        + "), false)";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, table.getKey());
                    s.setString(2, column);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        report.add(table.getKey() + "." + column + " continues at " + rs.getLong(1));
                    }
                }
            }
        }
        return report;
    }
}
