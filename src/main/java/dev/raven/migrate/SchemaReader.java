package dev.raven.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the tables of a connection's current schema from the JDBC metadata, so that the
 * copy needs no list of tables: whatever later migrations add is copied too. Flyway's own
 * history table is left out; each database keeps its own.
 */
final class SchemaReader {
    static final String FLYWAY_HISTORY = "flyway_schema_history";
    /** H2 says BASE TABLE where PostgreSQL says TABLE. */
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    private SchemaReader() {
    }

    /** The tables, by name. */
    static Map<String, Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schemaOf(c);
        Map<String, Table> tables = new TreeMap<>();
        for (String name : tableNames(meta, schema)) {
            tables.put(name, new Table(name, columns(meta, schema, name), primaryKey(meta, schema, name)));
        }
        return tables;
    }

    /** The current schema; without one (e.g. currentSchema names none that exists) there is nothing to read. */
    static String schemaOf(Connection c) throws SQLException {
        String schema = c.getSchema();
        if (schema == null) {
            throw new SQLException("the connection has no current schema: does the schema in its URL exist?");
        }
        return schema;
    }

    private static List<String> tableNames(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String type = String.valueOf(rs.getString("TABLE_TYPE"));
                if (TABLE_TYPES.contains(type) && !name.equalsIgnoreCase(FLYWAY_HISTORY)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                byPosition.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(bySequence.values());
    }

    /**
     * The table names ordered so that every table comes after the tables its foreign keys
     * point to (ties by name, so the order is stable). A table pointing at itself is fine:
     * its rows are copied in primary-key order, parents first.
     */
    static List<String> copyOrder(Connection c, Set<String> tableNames) throws SQLException, MigrationException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schemaOf(c);
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (String table : tableNames) {
            Set<String> parents = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table) && tableNames.contains(parent)) {
                        parents.add(parent);
                    }
                }
            }
            needs.put(table, parents);
        }
        List<String> order = new ArrayList<>();
        TreeSet<String> ready = new TreeSet<>();
        needs.forEach((table, parents) -> {
            if (parents.isEmpty()) {
                ready.add(table);
            }
        });
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.add(next);
            needs.forEach((table, parents) -> {
                if (parents.remove(next) && parents.isEmpty()) {
                    ready.add(table);
                }
            });
        }
        if (order.size() < tableNames.size()) {
            Set<String> cycle = new TreeSet<>(tableNames);
            order.forEach(cycle::remove);
            throw new MigrationException("the foreign keys of " + cycle + " form a cycle, so no copy order exists");
        }
        return order;
    }
}
