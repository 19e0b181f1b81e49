package dev.raven.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Checks that a backup zip is whole: every entry reads back with a good checksum, and the database is in it. */
final class BackupArchive {
    private BackupArchive() {
    }

    /** The size of the database file inside; throws if the zip is damaged or lacks it. */
    static long verify(Path zip, String databaseFileName) throws IOException {
        long databaseBytes = -1;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                long size = drain(in, buffer); // ZipInputStream checks the CRC at the end of each entry
                if (entry.getName().equals(databaseFileName)) {
                    databaseBytes = size;
                }
            }
        }
        if (databaseBytes <= 0) {
            throw new IOException("the backup holds no " + databaseFileName);
        }
        return databaseBytes;
    }

    private static long drain(InputStream in, byte[] buffer) throws IOException {
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }
}
