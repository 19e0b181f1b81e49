package dev.raven.cli;

import java.util.Set;

/** One thing raven.jar can do: java -jar raven.jar NAME [options]. */
interface Command {
    String name();

    /** One line for the command overview. */
    String summary();

    /** The full usage text, ending with a newline. */
    String usage();

    /** The names of the {@code --name value} options it takes. */
    default Set<String> options() {
        return Set.of();
    }

    /** Runs to completion and returns the exit code; expected failures throw {@link CommandFailed}. */
    int run(Args args, CliContext context);
}
