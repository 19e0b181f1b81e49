package dev.raven;

import dev.raven.cli.Cli;

/** {@code java -jar raven.jar [serve | migrate-db | backup | --help]}: see {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
    }
}
