package dev.raven.cli;

import dev.raven.Version;
import dev.raven.config.ConfigException;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar raven.jar [COMMAND] [OPTIONS]}: picks the command (serve when none is
 * named) and turns its outcome into an exit code: 0 done, 1 failed or refused, 2 wrong
 * command line or configuration. Expected failures print one clear line, no stack trace.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    private final CliContext context;
    private final List<Command> commands = List.of(new ServeCommand(), new MigrateDbCommand(), new BackupCommand(),
            new SeedCommand(), new AdminCommand(), new TimelinesCommand());

    /** The real process: standard input, and the terminal when there is one. */
    public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.context = new CliContext(env, System.in, out, err, System.console() != null);
    }

    /** With the given standard input (never a terminal): for tests and tools. */
    public Cli(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.context = new CliContext(env, in, out, err, false);
    }

    public int run(String... args) {
        if (args.length == 0) {
            return run(commands.get(0), List.of());
        }
        if (HELP.contains(args[0])) {
            context.out().print(overview());
            return OK;
        }
        if (args[0].equals("--version")) {
            context.out().println("raven " + Version.current());
            return OK;
        }
        for (Command command : commands) {
            if (command.name().equals(args[0])) {
                return run(command, Arrays.asList(args).subList(1, args.length));
            }
        }
        context.err().println("raven: unknown command '" + args[0] + "'");
        context.err().print(overview());
        return USAGE;
    }

    private int run(Command command, List<String> args) {
        if (args.stream().anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            context.out().print(command.usage());
            return OK;
        }
        String prefix = "raven " + command.name() + ": ";
        try {
            return command.run(Args.parse(args, command.options()), context);
        } catch (UsageException e) {
            context.err().println(prefix + e.getMessage());
            context.err().print(command.usage());
            return USAGE;
        } catch (ConfigException e) {
            context.err().println(prefix + "configuration error: " + e.getMessage());
            return USAGE;
        } catch (CommandFailed e) {
            context.err().println(prefix + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            context.err().println(prefix + "unexpected error (a bug; please report it with this output):");
            e.printStackTrace(context.err());
            return FAILED;
        }
    }

    String overview() {
        StringBuilder text = new StringBuilder("usage: java -jar raven.jar [COMMAND] [OPTIONS]\n\nCommands:\n");
        for (Command command : commands) {
            text.append(String.format("  %-12s %s%n", command.name(), command.summary()));
        }
        text.append("\nSettings come from config.properties (or $RAVEN_CONFIG) and RAVEN_* variables, as for serve.\n")
                .append("java -jar raven.jar COMMAND --help tells more; --version prints the version.\n");
        return text.toString();
    }
}
