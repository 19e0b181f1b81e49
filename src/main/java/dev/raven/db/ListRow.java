package dev.raven.db;

import java.time.Instant;

/** One row of a list page: the id of what to show, and the time it sorts by. */
public record ListRow(long id, Instant sortAt) {
}
