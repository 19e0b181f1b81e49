package dev.raven.migrate;

import dev.raven.config.RavenConfig;
import dev.raven.db.BulkLoads;
import dev.raven.db.Database;
import dev.raven.db.EmbeddedH2;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves an installation to an empty PostgreSQL database: builds the schema there with the
 * same migrations, copies every table in foreign-key order inside one transaction, moves
 * the id sequences past the copied ids and checks every row count before committing. A
 * target that holds any data is refused; a failed copy leaves the target's tables empty.
 */
public final class DatabaseMigration {
    private final RavenConfig source;
    private final Target target;
    private final PrintStream progress;

    /** Where the data goes; user and password may be empty (then the URL's apply). */
    public record Target(String url, String user, String password) {
    }

    /** What was copied. */
    public record Summary(int tables, long rows) {
    }

    public DatabaseMigration(RavenConfig source, Target target, PrintStream progress) {
        this.source = source;
        this.target = target;
        this.progress = progress;
    }

    public Summary run() throws MigrationException {
        if (EmbeddedH2.isUsedBy(source) && !Files.exists(EmbeddedH2.file(source))) {
            throw new MigrationException("no database at " + EmbeddedH2.file(source) + ": is data.dir right?");
        }
        try (Connection t = connectToTarget()) {
            refuseUnlessPostgres(t);
            refuseIfHoldsData(t);
        } catch (SQLException e) {
            throw new MigrationException("cannot use the target " + describe(target.url()) + ": " + e.getMessage());
        }
        try (Database from = openSource()) {
            progress.println("Source: " + from.description());
            progress.println("Target: " + describe(target.url()));
            migrateTarget();
            return copy(from);
        }
    }

    private Database openSource() throws MigrationException {
        try {
            return Database.open(source);
        } catch (RuntimeException e) {
            if (EmbeddedH2.isInUse(e)) {
                throw new MigrationException("the database in " + source.dataDir()
                        + " is in use: stop the Raven server first, then run migrate-db");
            }
            throw new MigrationException("cannot open the source database: " + rootMessage(e));
        }
    }

    private void migrateTarget() throws MigrationException {
        try {
            var result = Database.migrations()
                    .dataSource(target.url(), emptyToNull(target.user()), emptyToNull(target.password()))
                    .load()
                    .migrate();
            progress.println("Created the schema on the target (schema version " + result.targetSchemaVersion + ").");
        } catch (FlywayException e) {
            throw new MigrationException("cannot create the schema on the target: " + e.getMessage());
        }
    }

    /**
     * Planner statistics (and visibility maps) for the freshly filled tables: without them
     * PostgreSQL plans as if they were empty until autovacuum gets round to them (never, where
     * it is switched off).
     */
    private static void analyze(Connection target) throws SQLException {
        target.setAutoCommit(true);
        BulkLoads.refreshStatistics(target);
    }

    private Summary copy(Database from) throws MigrationException {
        try (Handle handle = from.jdbi().open(); Connection t = connectToTarget()) {
            // One consistent snapshot of the source, one all-or-nothing transaction on the target.
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            t.setAutoCommit(false);
            try {
                Summary summary = copyTables(handle.getConnection(), t);
                handle.commit();
                t.commit();
                analyze(t);
                return summary;
            } catch (SQLException | MigrationException | RuntimeException e) {
                t.rollback();
                handle.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MigrationException("the copy failed and was rolled back, the target's tables are empty: "
                    + e.getMessage());
        }
    }

    private Summary copyTables(Connection s, Connection t) throws SQLException, MigrationException {
        Map<String, Table> sourceTables = SchemaReader.tables(s);
        Map<String, Table> targetTables = SchemaReader.tables(t);
        refuseIfShapesDiffer(sourceTables, targetTables);
        refuseIfHoldsData(t); // again, inside the transaction: nobody wrote meanwhile
        Map<String, Set<String>> generated = PostgresSequences.generatedColumns(t);
        progress.println("Copying, parents before children:");
        long rows = 0;
        for (String name : SchemaReader.copyOrder(t, sourceTables.keySet())) {
            Table table = sourceTables.get(name);
            long expected = TableCopy.count(s, table);
            long copied = TableCopy.copy(s, t, table, generated.containsKey(name));
            long arrived = TableCopy.count(t, table);
            if (copied != expected || arrived != expected) {
                throw new MigrationException("row counts of " + name + " differ: source " + expected + ", copied "
                        + copied + ", target " + arrived + "; nothing was committed");
            }
            progress.printf("  %-32s %,12d rows%n", name, arrived);
            rows += arrived;
        }
        for (String line : PostgresSequences.restartAfterCopiedIds(t, generated)) {
            progress.println("  " + line);
        }
        return new Summary(sourceTables.size(), rows);
    }

    private Connection connectToTarget() throws SQLException {
        Properties props = new Properties();
        if (!target.user().isEmpty()) {
            props.setProperty("user", target.user());
        }
        if (!target.password().isEmpty()) {
            props.setProperty("password", target.password());
        }
        props.setProperty("reWriteBatchedInserts", "true"); // PostgreSQL sends a batch as multi-row INSERTs
        return DriverManager.getConnection(target.url(), props);
    }

    private static void refuseUnlessPostgres(Connection t) throws SQLException, MigrationException {
        String product = t.getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            throw new MigrationException("the target is " + product + "; migrate-db moves to PostgreSQL only");
        }
    }

    /** Any table of the target's schema with a row in it (Flyway's history aside) stops the move. */
    private static void refuseIfHoldsData(Connection t) throws SQLException, MigrationException {
        List<String> withRows = new ArrayList<>();
        for (String name : SchemaReader.tables(t).keySet()) {
            if (TableCopy.hasRows(t, name)) {
                withRows.add(name);
            }
        }
        if (!withRows.isEmpty()) {
            throw new MigrationException("the target already holds data (rows in " + String.join(", ", withRows)
                    + "); migrate-db only writes into an empty database, and nothing was changed");
        }
    }

    private static void refuseIfShapesDiffer(Map<String, Table> from, Map<String, Table> to) throws MigrationException {
        if (!from.keySet().equals(to.keySet())) {
            throw new MigrationException("the source has tables " + from.keySet() + " but the target " + to.keySet()
                    + "; are both at the same Raven version?");
        }
        for (Table table : from.values()) {
            Set<String> have = new TreeSet<>(table.columns());
            Set<String> want = new TreeSet<>(to.get(table.name()).columns());
            if (!have.equals(want)) {
                throw new MigrationException("table " + table.name() + " has columns " + have + " in the source but "
                        + want + " in the target");
            }
        }
    }

    /** The URL without options, which may hold a password. */
    static String describe(String url) {
        int options = url.indexOf('?');
        return options >= 0 ? url.substring(0, options) : url;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
