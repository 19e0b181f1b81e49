package dev.raven.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Raven as its own JVM, started the way an operator starts it (dev.raven.Main with RAVEN_*
 * variables), so tests can kill it, signal it and read its log. Always {@link #close()} it.
 */
public final class RavenProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private RavenProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Raven on a free port with its data in {@code dataDir}, plus the given RAVEN_* variables. */
    public static RavenProcess start(Path dataDir, Map<String, String> env) {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.raven.Main")
                .directory(dataDir.toFile()) // no ./config.properties there: only defaults and the variables
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("RAVEN_"));
        environment.put("RAVEN_SERVER_HOST", "127.0.0.1");
        environment.put("RAVEN_SERVER_PORT", String.valueOf(port));
        environment.put("RAVEN_DATA_DIR", dataDir.toString());
        environment.put("RAVEN_BCRYPT_COST", "4");
        environment.putAll(env);
        try {
            return new RavenProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Raven and waits until GET /health answers 200. The free port is found before the
     * child binds it, so another process may take it in between: then it tries a new port.
     */
    public static RavenProcess startAndAwaitHealthy(Path dataDir, Map<String, String> env) {
        for (int attempt = 1; ; attempt++) {
            RavenProcess raven = start(dataDir, env);
            try {
                raven.awaitHealthy();
                return raven;
            } catch (RuntimeException | AssertionError e) {
                boolean portTaken = !raven.isAlive() && raven.log().contains("Port already in use");
                raven.close();
                if (!portTaken || attempt == 3 || env.containsKey("RAVEN_SERVER_PORT")) {
                    throw e;
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls /health until it answers 200; fails with the log if the process dies or takes too long. */
    public void awaitHealthy() {
        Api api = api();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Raven exited with " + process.exitValue() + " before it was healthy:\n" + log());
            }
            try {
                if (api.get("/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused until the server is up
            }
            sleep(100);
        }
        throw new AssertionError("Raven was not healthy within " + STARTUP_TIMEOUT + ":\n" + log());
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** SIGTERM, as a service manager stops it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no chance to flush anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to end; true if it did within the timeout. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process wrote to stdout and stderr so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
