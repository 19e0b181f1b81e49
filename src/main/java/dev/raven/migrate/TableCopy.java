package dev.raven.migrate;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.stream.Collectors;

/** Copies the rows of one table with batched inserts, column by column, whatever its columns are. */
final class TableCopy {
    private static final int BATCH_SIZE = 1000;

    private TableCopy() {
    }

    /** Copies every row and returns how many were copied. */
    static long copy(Connection source, Connection target, Table table, boolean hasIdentity) throws SQLException {
        String columns = table.columns().stream().map(Table::quote).collect(Collectors.joining(", "));
        String order = table.primaryKey().isEmpty() ? ""
                : " ORDER BY " + table.primaryKey().stream().map(Table::quote).collect(Collectors.joining(", "));
        String placeholders = String.join(", ", Collections.nCopies(table.columns().size(), "?"));
        // The copy keeps every id, including those of identity columns (PostgreSQL only takes them when told).
        String insert = "INSERT INTO " + table.quotedName() + " (" + columns + ")"
                + (hasIdentity ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + placeholders + ")";
        long copied = 0;
        try (Statement select = source.createStatement(); PreparedStatement ins = target.prepareStatement(insert)) {
            select.setFetchSize(BATCH_SIZE); // stream instead of holding a big table in memory
            try (ResultSet rs = select.executeQuery("SELECT " + columns + " FROM " + table.quotedName() + order)) {
                int width = table.columns().size();
                int[] targetTypes = targetTypes(target, table);
                while (rs.next()) {
                    for (int i = 1; i <= width; i++) {
                        Object value = portable(rs.getObject(i));
                        if (value == null) {
                            ins.setNull(i, targetTypes[i - 1]);
                        } else {
                            ins.setObject(i, value);
                        }
                    }
                    ins.addBatch();
                    if (++copied % BATCH_SIZE == 0) {
                        ins.executeBatch();
                    }
                }
            }
            if (copied % BATCH_SIZE != 0) {
                ins.executeBatch();
            }
        }
        return copied;
    }

    /** Large objects travel as plain bytes and text, which every driver takes. */
    private static Object portable(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, Math.toIntExact(clob.length()));
        }
        return value;
    }

    /** The target's SQL types of the columns, for typed NULLs. */
    private static int[] targetTypes(Connection target, Table table) throws SQLException {
        try (Statement s = target.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + table.columns().stream().map(Table::quote)
                     .collect(Collectors.joining(", ")) + " FROM " + table.quotedName() + " WHERE 1 = 0")) {
            int[] types = new int[table.columns().size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = rs.getMetaData().getColumnType(i + 1);
            }
            return types;
        }
    }

    static long count(Connection c, Table table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table.quotedName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean hasRows(Connection c, String tableName) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM " + Table.quote(tableName) + " LIMIT 1")) {
            return rs.next();
        }
    }
}
