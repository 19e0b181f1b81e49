package dev.raven.cli;

import dev.raven.backup.BackupException;
import dev.raven.backup.DatabaseBackup;

import java.nio.file.Path;

/** backup FILE: a consistent zip of the embedded database, while the server runs or not. */
final class BackupCommand implements Command {

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "write a consistent backup of the embedded database to a zip file";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar backup FILE.zip

                Writes a consistent backup of the embedded H2 database, with the pictures in
                data.dir/media (media.store=filesystem), to a new zip file. While the
                server runs, the server makes it online (it keeps serving); run this command on the
                server's machine as the server's user, with the server's settings (data.dir,
                server.port). With no server running it opens the database itself.
                Restore: stop the server, unzip the file into data.dir (replacing raven.mv.db and
                media/), start.
                For PostgreSQL (db.url set) use pg_dump instead.
                """;
    }

    @Override
    public int run(Args args, CliContext context) {
        Path file = Path.of(args.positional(1, "the backup FILE to write").get(0));
        try {
            DatabaseBackup.Result result = DatabaseBackup.write(context.config(), file);
            context.out().printf("Backed up the database (%,d bytes) %s, and %d media file(s), to %s%n",
                    result.databaseBytes(), result.source(), result.mediaFiles(), result.file());
            return Cli.OK;
        } catch (BackupException e) {
            throw new CommandFailed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed("interrupted; no backup was written");
        }
    }
}
