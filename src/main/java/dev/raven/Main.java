package dev.raven;

import dev.raven.app.RavenApp;
import dev.raven.config.ConfigException;
import dev.raven.config.RavenConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the config and serves until SIGTERM. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            System.err.println("usage: java -jar raven.jar [serve]");
            System.exit(2);
        }
        RavenConfig config;
        try {
            config = RavenConfig.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        RavenApp app;
        try {
            app = RavenApp.start(config);
        } catch (RuntimeException e) {
            log.error("Raven failed to start: {}", e.getMessage(), e);
            System.exit(1);
            return;
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
    }
}
