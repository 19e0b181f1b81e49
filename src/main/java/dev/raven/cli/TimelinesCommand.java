package dev.raven.cli;

import dev.raven.config.RavenConfig;
import dev.raven.db.Database;
import dev.raven.db.EmbeddedH2;
import dev.raven.timeline.FanOutSwitch;
import dev.raven.timeline.TimelineRebuild;

import java.io.PrintStream;

/** timelines rebuild: recomputes every home timeline from the tweets, retweets and follows. */
final class TimelinesCommand implements Command {

    @Override
    public String name() {
        return "timelines";
    }

    @Override
    public String summary() {
        return "rebuild every home timeline from the source tables";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar timelines rebuild

                Recomputes every reader's home timeline rows (the newest timeline.length of each)
                from the tweets, retweets and follows, and prints its progress. Run it after an
                upgrade, or if you doubt the timelines. On PostgreSQL the servers may keep running;
                the embedded database must be stopped first (it is opened by one process at a time).
                """;
    }

    @Override
    public int run(Args args, CliContext context) {
        String action = args.positional(1, "what to do with the timelines (rebuild)").get(0);
        if (!action.equals("rebuild")) {
            throw new UsageException("unknown action '" + action + "' (expected rebuild)");
        }
        RavenConfig config = context.config();
        try (Database database = Database.open(config)) {
            long started = System.nanoTime();
            long readers = rebuild(database, config, context.out());
            context.out().printf("Rebuilt the home timelines of %,d readers in %d s%n", readers,
                    (System.nanoTime() - started) / 1_000_000_000L);
            if (EmbeddedH2.isUsedBy(config)) {
                // The rebuild rewrote most of the table: give the space back.
                EmbeddedH2.compactAndClose(database.jdbi());
            }
        } catch (IllegalStateException e) {
            throw new CommandFailed(e.getMessage());
        }
        return Cli.OK;
    }

    /** Rebuilds with a progress line about every tenth of the way; returns the number of readers. */
    static long rebuild(Database database, RavenConfig config, PrintStream out) {
        long[] lastTenth = {0};
        long readers = new TimelineRebuild(database.jdbi(), config.timeline()).rebuildAll((done, total) -> {
            long tenth = done * 10 / Math.max(1, total);
            if (tenth > lastTenth[0] || done == total) {
                lastTenth[0] = tenth;
                out.printf("Rebuilding home timelines: %,d of %,d readers (%d%%)%n", done, total, done * 100 / total);
            }
        });
        FanOutSwitch.rebuilt(database.jdbi());
        return readers;
    }
}
