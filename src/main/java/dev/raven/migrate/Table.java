package dev.raven.migrate;

import java.util.List;

/** A table as the copy sees it: its columns in order and its primary key columns. */
record Table(String name, List<String> columns, List<String> primaryKey) {

    String quotedName() {
        return quote(name);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
