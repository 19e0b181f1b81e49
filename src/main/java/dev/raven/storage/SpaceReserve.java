package dev.raven.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file in data.dir that holds some disk space in reserve. When a write finds the disk full
 * anyway, it is given up: the embedded database writes a little when it reopens, and without
 * this room it could not reopen, and reads would stop too. It is set aside again once space
 * is back. Deleting it by hand is harmless (and frees its space in an emergency).
 */
final class SpaceReserve {
    static final String FILE_NAME = "space-reserve";
    static final long BYTES = 8L * 1024 * 1024;
    private static final int BLOCK = 64 * 1024;

    private final Path file;

    SpaceReserve(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Sets the space aside unless it already is; false when there was no room for it. */
    boolean hold() {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == BYTES) {
                return true;
            }
            // Random bytes: a compressing file system would store zeros in no space at all.
            byte[] block = new byte[BLOCK];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < BYTES; written += BLOCK) {
                    ThreadLocalRandom.current().nextBytes(block);
                    out.write(block);
                }
            }
            return true;
        } catch (IOException e) {
            release(); // half a reserve would only take space
            return false;
        }
    }

    /** Gives the space up; true if it was held. */
    boolean release() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
