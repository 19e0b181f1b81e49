package dev.raven.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Batched inserts through one prepared statement: sent every {@value #BATCH} rows and
 * committed every {@code commitEvery}. Seeding a million rows is a few hundred round
 * trips, and few commits keep an append-only H2 file from growing with each one.
 */
final class BatchWriter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    static final int BATCH = 5_000;

    private final int commitEvery;
    private int pending;
    private int uncommitted;
    private long written;

    BatchWriter(Connection connection, String sql, int commitEvery) throws SQLException {
        this.connection = connection;
        this.statement = connection.prepareStatement(sql);
        this.commitEvery = commitEvery;
    }

    /** Binds one row's values in column order and queues it. */
    void add(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        if (++pending >= BATCH) {
            send();
        }
        if (uncommitted >= commitEvery) {
            connection.commit();
            uncommitted = 0;
        }
    }

    private void send() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            written += pending;
            uncommitted += pending;
            pending = 0;
        }
    }

    long written() {
        return written + pending;
    }

    @Override
    public void close() throws SQLException {
        send();
        connection.commit();
        statement.close();
    }
}
