package dev.raven.backup;

import dev.raven.config.MediaSettings;
import dev.raven.config.RavenConfig;
import dev.raven.db.EmbeddedH2;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Makes a consistent backup file of the embedded H2 database: through the running server
 * when one answers (it holds the file lock), else by opening the database directly. The zip
 * appears at its final name only once it has been checked, so a file there is a good one.
 */
public final class DatabaseBackup {
    /** data.dir/media: the filesystem store's pictures, restored by unzipping into data.dir like the database. */
    static final String MEDIA_FOLDER = "media";

    private DatabaseBackup() {
    }

    /** How the backup was made, for the operator. */
    public record Result(Path file, long databaseBytes, String source, int mediaFiles) {
    }

    public static Result write(RavenConfig config, Path target) throws BackupException, InterruptedException {
        if (!EmbeddedH2.isUsedBy(config)) {
            throw new BackupException("backup covers the embedded H2 database (empty db.url), but db.url is set;"
                    + " back up PostgreSQL with pg_dump (see docs/DEPLOYMENT.md)");
        }
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists; name a new file");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BackupException("no such folder: " + folder);
        }
        Path partial = createPartial(folder);
        try {
            String source = fill(config, partial);
            // Pictures of the filesystem store, after the database: they are named by content and
            // never change, so every picture the database names is there (unless deleted meanwhile).
            int mediaFiles = config.media().store() == MediaSettings.Store.FILESYSTEM
                    ? BackupArchive.addFolder(partial, config.dataDir().resolve(MEDIA_FOLDER), MEDIA_FOLDER) : 0;
            long databaseBytes = verify(partial);
            Files.move(partial, file); // fails rather than replace a file that appeared meanwhile
            return new Result(file, databaseBytes, source, mediaFiles);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(file + " appeared while the backup ran; name a new file");
        } catch (IOException e) {
            throw new BackupException("cannot write " + file + ": " + e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Writes the zip and says where it came from. */
    private static String fill(RavenConfig config, Path partial) throws BackupException, InterruptedException {
        RunningServer server = new RunningServer(config);
        if (server.backupInto(partial)) {
            return "online, from the server running at " + server.address();
        }
        if (!Files.exists(EmbeddedH2.file(config))) {
            throw new BackupException("no database at " + EmbeddedH2.file(config) + ": is data.dir right?");
        }
        try {
            EmbeddedH2.backupDirectly(config, partial);
            return "directly from " + EmbeddedH2.file(config) + " (no server answered at " + server.address() + ")";
        } catch (SQLException e) {
            if (EmbeddedH2.isInUse(e)) {
                throw new BackupException("the database in " + config.dataDir() + " is in use by another process, but no"
                        + " Raven answers at " + server.address() + ": is server.port the running server's?");
            }
            if (EmbeddedH2.isMissing(e)) {
                throw new BackupException("no database at " + EmbeddedH2.file(config) + ": is data.dir right?");
            }
            throw new BackupException("cannot back up " + EmbeddedH2.file(config) + ": " + e.getMessage());
        }
    }

    private static long verify(Path partial) throws BackupException {
        String databaseFile = EmbeddedH2.fileName();
        try {
            return BackupArchive.verify(partial, databaseFile);
        } catch (IOException e) {
            throw new BackupException("the backup came out damaged (" + e.getMessage() + "); nothing was kept");
        }
    }

    /** Owner-only on POSIX (createTempFile's default): the backup holds password hashes and e-mails. */
    private static Path createPartial(Path folder) throws BackupException {
        try {
            return Files.createTempFile(folder, ".raven-backup-", ".part");
        } catch (IOException e) {
            throw new BackupException("cannot write in " + folder + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a leftover .part file is harmless and obviously named
        }
    }
}
