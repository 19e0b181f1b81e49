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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The connection pool, the schema migrations and the Jdbi instance built on them; and, on
 * request, small pools of their own for work that must not queue behind the requests.
 */
public final class Database implements AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/migration";

    private final RavenConfig config;
    private final FaultWatch faultWatch;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;
    private final List<HikariDataSource> dedicated = new CopyOnWriteArrayList<>();

    private Database(RavenConfig config, FaultWatch faultWatch, HikariDataSource dataSource, String description) {
        this.config = config;
        this.faultWatch = faultWatch;
        this.dataSource = dataSource;
        this.description = description;
        this.jdbi = jdbi(dataSource);
    }

    private static Jdbi jdbi(HikariDataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        JdbiSetup.configure(jdbi);
        return jdbi;
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
        FaultWatch faultWatch = faults == null ? null : new FaultWatch(config.isH2(), faults);
        HikariDataSource dataSource = pool(config, "raven-db", config.dbPoolSize(), config.dbPoolSize(), faultWatch);
        try {
            migrations().dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(config, faultWatch, dataSource, describe(url));
    }

    /**
     * {@code minIdle}: connections kept open while unused. A dedicated pool keeps none: it
     * costs nothing while idle, and after an embedded-database fault it opens no connection
     * until one is needed (a second pool refilling at once kept the reads of DiskSpaceTest
     * from coming back while the disk was full).
     */
    private static HikariDataSource pool(RavenConfig config, String name, int size, int minIdle,
                                         FaultWatch faultWatch) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.effectiveDbUrl());
        // An empty setting is left unset so that credentials in the URL (?user=...) apply.
        String user = config.dbUser().isEmpty() && config.isH2() ? "sa" : config.dbUser();
        if (!user.isEmpty()) {
            hikari.setUsername(user);
        }
        if (!config.dbPassword().isEmpty()) {
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(size);
        if (minIdle < size) {
            hikari.setMinimumIdle(minIdle);
        }
        hikari.setPoolName(name);
        hikari.setConnectionTimeout(10_000);
        hikari.setExceptionOverride(faultWatch);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        if (faultWatch != null) {
            faultWatch.watch(dataSource);
        }
        return dataSource;
    }

    /**
     * A pool of {@code size} connections of its own on the same database, with the same
     * fault handling, closed with this one: for work that must not wait behind the requests
     * for a connection (the live streams' deliveries, which would otherwise queue behind
     * every request under write load). Its connections count against the server's too.
     */
    public Jdbi dedicatedPool(String name, int size) {
        HikariDataSource pool = pool(config, name, size, 0, faultWatch);
        dedicated.add(pool);
        return jdbi(pool);
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
        dedicated.forEach(HikariDataSource::close);
        dataSource.close();
    }
}
