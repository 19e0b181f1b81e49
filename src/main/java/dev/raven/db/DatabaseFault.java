package dev.raven.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A failure of the database itself rather than of one statement: the disk is full, the
 * embedded database has closed, or the database cannot be reached. Each is answered as a
 * JSON 507 or 503, never a 500, and the first two make the pool reopen the embedded file.
 */
public enum DatabaseFault {
    /** A write found no space: the embedded file's disk, or PostgreSQL's (SQLSTATE 53100). */
    DISK_FULL,
    /** The embedded H2 database has closed itself (after a failed write) or is shutting down. */
    CLOSED,
    /** No connection to be had: the pool timed out, or the server refused or dropped it. */
    UNREACHABLE;

    /** H2: "The database has been closed", "Database is already closed" (at shutdown). */
    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121);
    private static final String PG_DISK_FULL = "53100";
    /** PostgreSQL: administrator, crash and start-up shutdowns. */
    private static final Set<String> PG_GONE = Set.of("57P01", "57P02", "57P03");
    /** How the operating system words ENOSPC and EDQUOT (Linux, macOS, Windows). */
    private static final String[] NO_SPACE = {"no space left on device", "disk quota exceeded",
            "not enough space on the disk"};

    /** What kind of fault {@code failure} is, if any, judged by the first SQL error among its causes. */
    public static Optional<DatabaseFault> of(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of(UNREACHABLE);
            }
            if (t instanceof SQLException sql) {
                return ofSql(sql);
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFault> ofSql(SQLException sql) {
        // Closed comes first: every statement after the failed write says so, with the
        // full disk as its cause, and it must not count as a new disk-full failure.
        if (H2_CLOSED.contains(sql.getErrorCode())) {
            return Optional.of(CLOSED);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals(PG_DISK_FULL) || causes(sql).stream().anyMatch(DatabaseFault::saysNoSpace)) {
            return Optional.of(DISK_FULL);
        }
        if (state.startsWith("08") || PG_GONE.contains(state)) {
            return Optional.of(UNREACHABLE);
        }
        return Optional.empty();
    }

    private static boolean saysNoSpace(Throwable t) {
        if (!(t instanceof IOException) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage().toLowerCase(Locale.ROOT);
        return Arrays.stream(NO_SPACE).anyMatch(message::contains);
    }

    /** The innermost cause's message on one line: what an operator needs to read in the log. */
    public static String rootCause(Throwable failure) {
        List<Throwable> chain = causes(failure);
        Throwable root = chain.get(chain.size() - 1);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** The failure and its causes, outermost first (a cause that loops back ends the list). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
