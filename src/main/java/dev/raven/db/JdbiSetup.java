package dev.raven.db;

import org.jdbi.v3.core.Jdbi;

/** Shared Jdbi settings: how Java types map to columns, the same on H2 and PostgreSQL. */
final class JdbiSetup {
    private JdbiSetup() {
    }

    static void configure(Jdbi jdbi) {
        // Instants travel as OffsetDateTime in UTC: both drivers map TIMESTAMP WITH TIME ZONE to it.
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(java.time.Instant.class, (rs, col, ctx) -> {
            java.time.OffsetDateTime t = rs.getObject(col, java.time.OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        });
    }
}
