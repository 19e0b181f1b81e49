package dev.raven.backup;

import dev.raven.db.EmbeddedH2;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * POST /internal/backup (operator only): an online, consistent backup of the embedded
 * database, streamed back as a zip. The server writes it to a temporary file in data.dir
 * (never to a path a caller names), and the file is gone once it has been sent.
 */
public final class BackupHandler {
    private static final Logger log = LoggerFactory.getLogger(BackupHandler.class);

    private final Jdbi jdbi;
    private final Path dataDir;

    public BackupHandler(Jdbi jdbi, Path dataDir) {
        this.jdbi = jdbi;
        this.dataDir = dataDir;
    }

    public void backup(Context ctx) throws IOException {
        Path zip = Files.createTempFile(dataDir, "backup-", ".zip.tmp");
        try {
            long started = System.nanoTime();
            synchronized (this) { // one backup at a time is plenty
                EmbeddedH2.backup(jdbi, zip);
            }
            log.info("Database backup of {} bytes written in {} ms, sending it to the operator tool",
                    Files.size(zip), (System.nanoTime() - started) / 1_000_000);
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"raven-backup.zip\"");
            // Closed by Javalin once sent; closing deletes the temporary file.
            ctx.result(Files.newInputStream(zip, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
    }
}
