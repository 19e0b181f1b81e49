package dev.raven.support;

import dev.raven.cli.Cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** One run of {@code java -jar raven.jar ARGS}, in-process: the exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs with exactly these environment variables (RAVEN_DATA_DIR, RAVEN_DB_URL, ...). */
    public static CliRun of(Map<String, String> env, String... args) {
        return withInput(env, "", args);
    }

    /** The same with this text as standard input (a password piped in, say). */
    public static CliRun withInput(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(env);
        // Never pick up a developer's ./config.properties settings by accident.
        environment.putIfAbsent("RAVEN_CONFIG", TestConfigFile.EMPTY.toString());
        int code = new Cli(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
