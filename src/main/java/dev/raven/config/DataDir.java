package dev.raven.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds the database and the signing secret, so Raven creates it readable
 * by its owner only, and warns when an existing one is open to others.
 */
public final class DataDir {
    private static final Logger log = LoggerFactory.getLogger(DataDir.class);

    private DataDir() {
    }

    public static void ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            warnIfOpen(dir);
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system: its own rules apply
        }
    }

    private static void warnIfOpen(Path dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                log.warn("data.dir {} is readable by other users ({}); consider chmod 700",
                        dir, PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // nothing to check on this file system
        }
    }
}
