package dev.raven.cli;

import dev.raven.migrate.DatabaseMigration;
import dev.raven.migrate.MigrationException;

import java.util.Set;

/** migrate-db: copies the configured database into an empty PostgreSQL database. */
final class MigrateDbCommand implements Command {
    static final String PASSWORD_VARIABLE = "RAVEN_MIGRATE_TO_PASSWORD";

    @Override
    public String name() {
        return "migrate-db";
    }

    @Override
    public String summary() {
        return "copy everything into an empty PostgreSQL database";
    }

    @Override
    public Set<String> options() {
        return Set.of("to", "to-user", "to-password");
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar migrate-db --to JDBC_URL [--to-user USER] [--to-password PASSWORD]

                Copies every row of the configured database (db.url, or the embedded H2 file in data.dir)
                into an empty PostgreSQL database, e.g. --to jdbc:postgresql://localhost:5432/raven:
                creates the schema there, copies the tables in foreign-key order in one transaction,
                moves the id sequences past the copied ids and checks every table's row count.
                Stop the server first. A target that already holds data is refused and left alone.
                The password may come from the variable RAVEN_MIGRATE_TO_PASSWORD instead of the
                command line (where other users of the machine could see it).
                Then set db.url (db.user, db.password) to the target and start Raven.
                """;
    }

    @Override
    public int run(Args args, CliContext context) {
        args.positional(0, "");
        String url = args.required("to");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--to must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/database)");
        }
        String password = args.optional("to-password")
                .orElse(context.env().getOrDefault(PASSWORD_VARIABLE, ""));
        DatabaseMigration.Target target = new DatabaseMigration.Target(url, args.optional("to-user").orElse(""),
                password);
        DatabaseMigration migration = new DatabaseMigration(context.config(), target, context.out());
        try {
            DatabaseMigration.Summary summary = migration.run();
            context.out().printf("Done: %,d rows in %d tables copied and counted. Set db.url to the target and"
                    + " start Raven.%n", summary.rows(), summary.tables());
            return Cli.OK;
        } catch (MigrationException e) {
            throw new CommandFailed(e.getMessage());
        }
    }
}
