package dev.raven.cli;

import dev.raven.config.RavenConfig;

import java.io.PrintStream;
import java.util.Map;

/** What a command may use: the environment (for the config) and where to print. */
record CliContext(Map<String, String> env, PrintStream out, PrintStream err) {

    /** The same configuration the server would use: defaults, config file, RAVEN_* variables. */
    RavenConfig config() {
        return RavenConfig.load(env);
    }
}
