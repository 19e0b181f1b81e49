package dev.raven.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An empty config file, so that commands under test see only the defaults and the variables they are given. */
final class TestConfigFile {
    static final Path EMPTY = create();

    private TestConfigFile() {
    }

    private static Path create() {
        try {
            Path file = Files.createTempFile("raven-test-config-", ".properties");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
