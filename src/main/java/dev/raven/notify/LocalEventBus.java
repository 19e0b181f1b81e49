package dev.raven.notify;

import org.jdbi.v3.core.Handle;

import java.util.function.Consumer;

/** One instance (the embedded database): events go straight to this instance's streams after commit. */
final class LocalEventBus implements EventBus {
    private volatile Consumer<String> listener = e -> { };

    @Override
    public void publish(Handle h, String event) {
        h.afterCommit(() -> listener.accept(event));
    }

    @Override
    public void deliverTo(Consumer<String> listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        listener = e -> { };
    }
}
