package dev.raven.db;

import dev.raven.config.RavenConfig;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What only the embedded H2 database has: a file in data.dir, a lock that keeps a second
 * process out while the server runs, and H2's online backup. All H2-only SQL lives here.
 */
public final class EmbeddedH2 {
    /** H2's "database may be already in use" (another process holds the file lock). */
    private static final int ALREADY_OPEN = 90020;
    /** H2's "database not found" under IFEXISTS=TRUE. */
    private static final int NOT_FOUND = 90146;

    private EmbeddedH2() {
    }

    /** True when db.url is empty: the database is the H2 file under data.dir. */
    public static boolean isUsedBy(RavenConfig config) {
        return config.dbUrl().isEmpty();
    }

    public static Path file(RavenConfig config) {
        return config.dataDir().resolve(fileName());
    }

    /** The database file's name, in data.dir and in backups. */
    public static String fileName() {
        return RavenConfig.EMBEDDED_DB_NAME + ".mv.db";
    }

    /** True when opening failed because another process (a running server) holds the file. */
    public static boolean isInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getErrorCode() == ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a zip of the database files. H2's BACKUP is transactionally consistent and runs
     * while other connections read and write, so the server keeps serving meanwhile.
     */
    public static void backup(Jdbi jdbi, Path zip) {
        jdbi.useHandle(h -> h.execute("BACKUP TO ?", zip.toString()));
    }

    /** The same backup by a process that opens the database itself (no server running). */
    public static void backupDirectly(RavenConfig config, Path zip) throws SQLException {
        // IFEXISTS: a mistyped data.dir must not create (and back up) a fresh empty database.
        String url = config.effectiveDbUrl() + ";IFEXISTS=TRUE";
        String user = config.dbUser().isEmpty() ? "sa" : config.dbUser();
        try (Connection c = DriverManager.getConnection(url, user, config.dbPassword());
             PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, zip.toString());
            backup.execute();
        }
    }

    /** True when a direct open failed because there is no database file. */
    public static boolean isMissing(SQLException failure) {
        return failure.getErrorCode() == NOT_FOUND;
    }

    /**
     * Rewrites the database file without the space earlier versions of rows took (H2's
     * store only appends), then closes the database: for after a bulk load. The pool's
     * connections are dead afterwards; close it next.
     */
    public static void compactAndClose(Jdbi jdbi) {
        try {
            jdbi.useHandle(h -> {
                try (var statement = h.getConnection().createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                }
            });
        } catch (org.jdbi.v3.core.CloseException e) {
            // Expected: the handle cannot hand back a connection to a database it just shut down.
        } catch (SQLException e) {
            throw new IllegalStateException("compacting the database failed: " + e.getMessage(), e);
        }
    }

    /**
     * Settings for one bulk load on this connection's database: old page versions are not
     * kept (the store appends, so random-key inserts would otherwise grow the file by
     * gigabytes), pages are cached generously, and writes are batched. Durability is
     * moot while loading: an interrupted load is started over.
     */
    public static void beginBulkLoad(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET RETENTION_TIME 0");
            s.execute("SET CACHE_SIZE 524288");
            s.execute("SET WRITE_DELAY 1000");
        }
    }

    /** Back to the settings the server runs with (its URL sets WRITE_DELAY=0 again on open). */
    public static void endBulkLoad(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
            s.execute("SET CACHE_SIZE 65536");
            s.execute("SET RETENTION_TIME 45000");
        }
    }
}
