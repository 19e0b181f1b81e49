package dev.raven.media;

import dev.raven.db.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * media.store=filesystem: data.dir/media/ab/abcdef... (the SHA-256 of the bytes, split on
 * its first two characters so no folder grows huge). A file appears whole or not at all:
 * written beside its name, then moved into place.
 */
final class FileMediaStore implements MediaStore {
    private static final Logger log = LoggerFactory.getLogger(FileMediaStore.class);
    /** A file younger than this may belong to an upload still committing: housekeeping leaves it. */
    private static final Duration STRAY_AGE = Duration.ofHours(1);

    private final Path root;

    FileMediaStore(Path root) {
        this.root = root;
    }

    Path file(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    @Override
    public void insertIfAbsent(Handle h, String hash, byte[] bytes) {
        h.attach(MediaDao.class).insertBlobIfAbsent(hash, bytes.length);
    }

    @Override
    public void write(String hash, byte[] bytes) {
        Path file = file(hash);
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
            try {
                Files.write(partial, bytes);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media file " + file, e);
        }
    }

    @Override
    public Optional<InputStream> open(Handle h, String hash) {
        try {
            return Optional.of(Files.newInputStream(file(hash)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void removeDeleted(Jdbi jdbi, String hash) {
        // The row is claimed again while the file goes: an upload of the same picture meanwhile
        // either committed first (its row stays, and so does the file) or waits on this row and
        // then writes the file anew.
        Transactions.useTransaction(jdbi, h -> {
            MediaDao dao = h.attach(MediaDao.class);
            if (dao.claimBlob(hash) == 0) {
                return;
            }
            try {
                Files.deleteIfExists(file(hash));
            } catch (IOException e) {
                log.warn("Cannot remove media file {}: {}", file(hash), e.getMessage());
            }
            dao.deleteBlob(hash);
        });
    }

    @Override
    public void removeStray(Set<String> known) {
        if (!Files.isDirectory(root)) {
            return;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(STRAY_AGE));
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !known.contains(f.getFileName().toString()))
                    .filter(f -> olderThan(f, cutoff))
                    .forEach(f -> {
                        try {
                            Files.deleteIfExists(f);
                        } catch (IOException e) {
                            log.warn("Cannot remove stray media file {}: {}", f, e.getMessage());
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Media folder sweep failed: {}", e.getMessage());
        }
    }

    private static boolean olderThan(Path f, FileTime cutoff) {
        try {
            return Files.getLastModifiedTime(f).compareTo(cutoff) < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
