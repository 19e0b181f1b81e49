package dev.raven.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The usable space of the file system that holds data.dir, asked of the operating system at
 * most once a second however many requests want to know: cheap enough for every write.
 */
final class FreeSpace {
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** One answer of the file system: usable bytes, or empty when it could not say. */
    private record Reading(OptionalLong bytes, long takenAt) {
    }

    private final Path dir;
    private volatile Reading last;

    FreeSpace(Path dir) {
        this.dir = dir;
    }

    /** The usable bytes, or empty when the file system cannot say. */
    OptionalLong usableBytes() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.takenAt() >= MAX_AGE_NANOS) {
            reading = new Reading(measure(), now);
            last = reading;
        }
        return reading.bytes();
    }

    /** Forgets the last answer, so that the next question asks the file system again. */
    void forget() {
        last = null;
    }

    private OptionalLong measure() {
        try {
            return OptionalLong.of(Files.getFileStore(dir).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
