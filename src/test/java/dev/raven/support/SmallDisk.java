package dev.raven.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of a test's own, to run a server's data.dir out of space for real: a
 * tmpfs mounted on a fresh temp folder. Mounting needs root (make test runs as root here);
 * where it cannot be done {@link #canMount()} says so and such tests are skipped. Fill it with
 * {@link #fill()}, give the space back with {@link #free()}, and always {@link #close()} it.
 */
public final class SmallDisk implements AutoCloseable {
    private static final int BLOCK = 64 * 1024;
    private static Boolean canMount;

    private final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** True when this process may mount a tmpfs (tried once). */
    public static synchronized boolean canMount() {
        if (canMount == null) {
            try (SmallDisk probe = mount(1024 * 1024)) {
                canMount = true;
            } catch (RuntimeException e) {
                canMount = false;
            }
        }
        return canMount;
    }

    /** Mounts a tmpfs of {@code bytes} on a new temp folder, readable by its owner only. */
    public static SmallDisk mount(long bytes) {
        Path dir = TestServer.newDataDir();
        try {
            run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs", dir.toString());
        } catch (RuntimeException e) {
            TestServer.deleteRecursively(dir);
            throw e;
        }
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Usable bytes left on it. */
    public long freeBytes() {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a filler file until {@code leave} bytes or fewer are free (0: until nothing fits). */
    public void fillLeaving(long leave) {
        byte[] block = new byte[BLOCK];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (freeBytes() > leave) {
                long wanted = freeBytes() - leave;
                out.write(block, 0, (int) Math.min(BLOCK, Math.max(wanted, 1)));
                out.flush();
            }
        } catch (IOException e) {
            if (!e.getMessage().contains("No space left on device")) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fills it to the last byte. */
    public void fill() {
        fillLeaving(0);
    }

    /** Deletes the filler: the space it took is free again. */
    public void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmounts (lazily, should a server still hold a file open) and removes the folder. */
    @Override
    public void close() {
        run("umount", "-l", dir.toString());
        TestServer.deleteRecursively(dir);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
