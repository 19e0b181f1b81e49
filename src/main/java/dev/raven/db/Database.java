package dev.raven.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.raven.config.DataDir;
import dev.raven.config.RavenConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.function.BiConsumer;

/** The connection pool, the schema migrations and the Jdbi instance built on them. */
public final class Database implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        JdbiSetup.configure(jdbi);
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(RavenConfig config) {
        return open(config, null);
    }

    /**
     * The same for a server: database faults are reported to {@code faults}, and an embedded
     * database that closed itself after a failed write is reopened by the pool (see FaultWatch).
     * Tools pass null: a database they shut down on purpose must stay shut.
     */
    public static Database open(RavenConfig config, BiConsumer<DatabaseFault, SQLException> faults) {
        String url = config.effectiveDbUrl();
        if (config.isH2() && config.dbUrl().isEmpty()) {
            try {
                DataDir.ensure(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create data.dir " + config.dataDir() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        // An empty setting is left unset so that credentials in the URL (?user=...) apply.
        String user = config.dbUser().isEmpty() && config.isH2() ? "sa" : config.dbUser();
        if (!user.isEmpty()) {
            hikari.setUsername(user);
        }
        if (!config.dbPassword().isEmpty()) {
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("raven-db");
        hikari.setConnectionTimeout(10_000);
        FaultWatch faultWatch = faults == null ? null : new FaultWatch(config.isH2(), faults);
        hikari.setExceptionOverride(faultWatch);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        if (faultWatch != null) {
            faultWatch.watch(dataSource);
        }
        try {
            migrations().dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, describe(url));
    }

    /** Flyway set up with Raven's migrations; the caller names the data source. */
    public static FluentConfiguration migrations() {
        return Flyway.configure().locations(MIGRATIONS);
    }

    /** The URL without credentials or options, fit for a log line. */
    static String describe(String url) {
        int options = url.indexOf(';');
        String base = options >= 0 ? url.substring(0, options) : url;
        int query = base.indexOf('?');
        return query >= 0 ? base.substring(0, query) : base;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A Jdbi of its own on the same pool, for background work (the fan-out worker): what is
     * set on {@link #jdbi()} for requests (tests count statements with a logger) leaves it be.
     */
    public Jdbi newBackgroundJdbi() {
        Jdbi background = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        JdbiSetup.configure(background);
        return background;
    }

    public String description() {
        return description;
    }

    public boolean isH2() {
        return description.startsWith("jdbc:h2:");
    }

    /** Closing the pool closes the last connection, which closes an embedded H2 file cleanly. */
    @Override
    public void close() {
        dataSource.close();
    }
}
