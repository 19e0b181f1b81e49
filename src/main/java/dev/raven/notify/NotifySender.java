package dev.raven.notify;

import dev.raven.db.SharedRuns;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends committed events to every instance's listener with PostgreSQL's NOTIFY, after the
 * writing transaction has committed and before its answer, through a connection of its own.
 * Not inside the transaction: a NOTIFY there holds PostgreSQL's notification-queue lock from
 * the commit's start until the commit is flushed, so every transaction that notifies commits
 * one after the other (in pgbench, 32 clients inserting a row: 14,500 commits/s, and 5,000
 * with a NOTIFY each). Writes that commit while a send is under way share the next one
 * ({@link SharedRuns}).
 *
 * <p>An event is a hint to open streams, which read what changed from the database; events
 * that could not be sent (the database went away just after the commit) are followed by a
 * {@link EventBus#RESYNC} with the next send that works, which makes every stream catch up.
 * Within one statement PostgreSQL delivers equal events once; they are idempotent.
 */
final class NotifySender {
    private static final Logger log = LoggerFactory.getLogger(NotifySender.class);
    private static final String NOTIFY = "SELECT pg_notify(:channel, e) FROM unnest(:events) WITH ORDINALITY AS x(e, n) "
            + "ORDER BY n";

    private final Jdbi jdbi;
    private final String channel;
    private final SharedRuns<String> sends = new SharedRuns<>("send live-update events", this::sendBatch);
    /** Events were lost since the last send that worked: the next one starts with a resync. */
    private volatile boolean resyncOwed;

    /** {@code jdbi}: a pool of its own, so that sending never waits behind requests. */
    NotifySender(Jdbi jdbi, String channel) {
        this.jdbi = jdbi;
        this.channel = channel;
    }

    /** After the event's transaction committed: returns once a statement carrying it has run (or failed). */
    void send(String event) {
        sends.runIncluding(event);
    }

    private void sendBatch(List<String> events) {
        List<String> batch = events;
        if (resyncOwed) {
            resyncOwed = false;
            batch = new ArrayList<>(events.size() + 1);
            batch.add(EventBus.RESYNC);
            batch.addAll(events);
        }
        List<String> sent = batch;
        try {
            jdbi.useHandle(h -> h.createUpdate(NOTIFY).bind("channel", channel)
                    .bindArray("events", String.class, sent).execute());
        } catch (RuntimeException e) {
            log.warn("Could not send {} live-update events ({}); streams will catch up from the database",
                    sent.size(), e.getMessage());
            resyncOwed = true;
        }
    }
}
