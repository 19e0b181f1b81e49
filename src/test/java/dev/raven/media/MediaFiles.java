package dev.raven.media;

import dev.raven.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the filesystem store holds on disk, for tests that count or find stored files. */
final class MediaFiles {
    private MediaFiles() {
    }

    static long count(TestServer server) {
        Path root = server.dataDir().resolve("media");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored file of a served picture, by its ETag (the content hash). */
    static Path file(TestServer server, String etag) {
        String hash = etag.replace("\"", "");
        return server.dataDir().resolve("media").resolve(hash.substring(0, 2)).resolve(hash);
    }
}
