package dev.raven.cli;

import dev.raven.Version;
import dev.raven.app.RavenApp;
import dev.raven.config.RavenConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** Starts the server and serves until the process is told to stop (SIGTERM, Ctrl-C). */
final class ServeCommand implements Command {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the server (the default)";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar raven.jar [serve]

                Opens the database (db.url, or the embedded H2 file in data.dir), brings its schema up to
                date and serves HTTP on server.host:server.port until SIGTERM or Ctrl-C, when it lets
                in-flight requests finish (server.shutdown.grace) and closes the database.
                """;
    }

    @Override
    public int run(Args args, CliContext context) {
        args.positional(0, "");
        RavenConfig config = context.config();
        long started = System.nanoTime();
        RavenApp app;
        try {
            app = RavenApp.start(config);
        } catch (RuntimeException e) {
            log.debug("Start-up failure", e);
            throw new CommandFailed("Raven failed to start: " + Failures.describe(e));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            app.close();
            log.info("Stopped");
        }, "raven-shutdown"));
        String host = config.serverHost().equals("0.0.0.0") ? "localhost" : config.serverHost();
        log.info("Raven {} listening on http://{}:{} with database {} (started in {} ms)",
                Version.current(), host, app.port(), app.database().description(),
                (System.nanoTime() - started) / 1_000_000);
        try {
            new CountDownLatch(1).await(); // the shutdown hook ends the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }
}
