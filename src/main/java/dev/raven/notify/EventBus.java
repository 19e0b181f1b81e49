package dev.raven.notify;

import org.jdbi.v3.core.Handle;

import java.util.function.Consumer;

/**
 * Carries small events ("n:42": user 42 has news) from the transaction that causes them to
 * every instance's open streams, only if and when that transaction commits. Events say only
 * who should look; what to send is read from the database, so a lost or repeated event can
 * delay a stream but never change what it sends.
 */
public interface EventBus extends AutoCloseable {

    /** Queues the event to be delivered (everywhere) when the handle's transaction commits. */
    void publish(Handle h, String event);

    /** Where events arrive; set once, before the first publish. */
    void deliverTo(Consumer<String> listener);

    @Override
    void close();

    /** Sent to the listener when delivery may have missed events (a lost database connection). */
    String RESYNC = "resync";
}
