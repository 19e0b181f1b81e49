package dev.raven.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which failures count as database faults, built as the drivers and the pool report them. */
class DatabaseFaultTest {
    /** H2's failed write: a general error, caused by its store's, caused by the operating system's. */
    private static SQLException h2FailedWrite(String osMessage) {
        IOException os = new IOException(osMessage);
        RuntimeException store = new RuntimeException("Writing to sun.nio.ch.FileChannelImpl@1 failed", os);
        return new SQLException("General error: \"" + store.getMessage() + "\"", "HY000", 50000, store);
    }

    @Test
    void aWriteThatFoundNoSpaceIsADiskFull() {
        assertEquals(Optional.of(DatabaseFault.DISK_FULL), DatabaseFault.of(h2FailedWrite("No space left on device")));
        assertEquals(Optional.of(DatabaseFault.DISK_FULL), DatabaseFault.of(h2FailedWrite("Disk quota exceeded")));
        assertEquals(Optional.of(DatabaseFault.DISK_FULL), DatabaseFault.of(
                new IllegalStateException("wrapped", h2FailedWrite("No space left on device"))));
        assertEquals(Optional.of(DatabaseFault.DISK_FULL), DatabaseFault.of(
                new SQLException("could not extend file \"base/1/2\": No space left on device", "53100")));
        assertEquals("No space left on device", DatabaseFault.rootCause(h2FailedWrite("No space left on device")));
    }

    @Test
    void aClosedEmbeddedDatabaseIsClosedWhateverClosedIt() {
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098,
                h2FailedWrite("No space left on device"));
        assertEquals(Optional.of(DatabaseFault.CLOSED), DatabaseFault.of(closed));
        assertEquals(Optional.of(DatabaseFault.CLOSED), DatabaseFault.of(
                new SQLException("Database is already closed", "90121", 90121)));
    }

    @Test
    void noConnectionIsUnreachable() {
        assertEquals(Optional.of(DatabaseFault.UNREACHABLE), DatabaseFault.of(
                new SQLTransientConnectionException("raven-db - Connection is not available, request timed out")));
        assertEquals(Optional.of(DatabaseFault.UNREACHABLE), DatabaseFault.of(
                new SQLException("Connection refused", "08001")));
        assertEquals(Optional.of(DatabaseFault.UNREACHABLE), DatabaseFault.of(
                new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void otherErrorsAreNoFault() {
        assertEquals(Optional.empty(), DatabaseFault.of(new SQLException("Syntax error", "42001", 42001)));
        assertEquals(Optional.empty(), DatabaseFault.of(new SQLException("duplicate key", "23505")));
        assertEquals(Optional.empty(), DatabaseFault.of(h2FailedWrite("Input/output error")));
        assertEquals(Optional.empty(), DatabaseFault.of(new IOException("No space left on device")),
                "not from the database");
    }
}
