package dev.raven.cli;

import dev.raven.config.RavenConfig;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command may use: the environment (for the config), standard input (a password
 * piped in), where to print, and whether input is the terminal (then System.console()).
 */
record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, boolean terminal) {

    /** The same configuration the server would use: defaults, config file, RAVEN_* variables. */
    RavenConfig config() {
        return RavenConfig.load(env);
    }
}
