package dev.raven.db;

import dev.raven.timeline.FanOutSignal;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/** Shared Jdbi settings: how Java types map to columns, the same on H2 and PostgreSQL. */
final class JdbiSetup {
    private JdbiSetup() {
    }

    static void configure(Jdbi jdbi) {
        // A failed statement's message names the SQL but not its values (hashes, emails).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        // Instants travel as OffsetDateTime in UTC: both drivers map TIMESTAMP WITH TIME ZONE to it.
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(java.time.Instant.class, (rs, col, ctx) -> Columns.instant(rs, col));
        // Created here, before any handle copies the configuration, so all handles share one.
        jdbi.getConfig(FanOutSignal.class);
        jdbi.getConfig(WriteEpoch.class);
    }
}
