package dev.raven.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Two Raven instances on one fresh PostgreSQL schema with one shared jwt.secret, as behind a
 * load balancer. Closing stops both and drops the schema.
 */
public final class TwoInstances implements AutoCloseable {
    public static final String SHARED_SECRET = "two-instances-share-one-jwt-secret-0123456789";

    private final PostgresSchema schema;
    private TestServer a;
    private TestServer b;

    private TwoInstances(PostgresSchema schema) {
        this.schema = schema;
    }

    /** Both instances with these settings on top of the shared database and secret. */
    public static TwoInstances start(Map<String, String> settings) {
        TwoInstances both = new TwoInstances(PostgresSchema.create(TestDatabases.requirePostgres()));
        try {
            Map<String, String> all = new HashMap<>(settings);
            all.put("db.url", both.schema.url());
            all.putIfAbsent("db.pool.size", "5");
            all.put("jwt.secret", SHARED_SECRET);
            both.a = TestServer.start(all);
            both.b = TestServer.start(all);
            return both;
        } catch (RuntimeException e) {
            both.close();
            throw e;
        }
    }

    public TestServer a() {
        return a;
    }

    public TestServer b() {
        return b;
    }

    @Override
    public void close() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        schema.close();
    }
}
