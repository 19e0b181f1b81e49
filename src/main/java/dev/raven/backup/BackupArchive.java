package dev.raven.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * Rewrites the zip with the files under {@code folder} added as {@code prefix/...}
     * (pictures of the filesystem store: data.dir/media). A file removed while this runs is
     * skipped. Returns how many files were added.
     */
    static int addFolder(Path zip, Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Path combined = Files.createTempFile(zip.getParent(), ".raven-backup-", ".part");
        int added = 0;
        try {
            byte[] buffer = new byte[64 * 1024];
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                 java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(combined))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                    out.closeEntry();
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().toList();
                }
                for (Path file : files) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue;
                    }
                    String name = prefix + "/" + folder.relativize(file).toString().replace('\\', '/');
                    out.putNextEntry(new ZipEntry(name));
                    out.write(bytes);
                    out.closeEntry();
                    added++;
                }
            }
            Files.move(combined, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return added;
        } finally {
            Files.deleteIfExists(combined);
        }
    }

    private static long drain(InputStream in, byte[] buffer) throws IOException {
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }
}
