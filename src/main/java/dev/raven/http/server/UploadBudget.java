package dev.raven.http.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * How many upload bytes the server holds at once, across every picture upload in flight.
 * Each upload is bounded (media.max.bytes), but without this, 64 uploads at once held 64
 * bodies, their parsed copies and their decodes, and ran a 256 MB heap out of memory. An
 * upload reserves its declared length before its body is read and gives it back when its
 * answer is sent; one that does not fit waits, in arrival order, without a thread and
 * without reading its body, so the clients slow down instead of the server falling over.
 */
final class UploadBudget {
    private final long capacity;
    // Guarded by this.
    private long reserved;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    /** One upload waiting for room; {@link #granted} runs once the bytes are reserved for it. */
    static final class Waiter {
        final long bytes;
        final Runnable granted;
        /** Set once its bytes are reserved (before {@link #granted} runs). */
        private volatile boolean isGranted;

        private Waiter(long bytes, Runnable granted) {
            this.bytes = bytes;
            this.granted = granted;
        }

        boolean isGranted() {
            return isGranted;
        }
    }

    UploadBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** An upload larger than the whole budget reserves all of it: it can always run alone. */
    long cost(long bytes) {
        return Math.min(bytes, capacity);
    }

    /**
     * Reserves {@code bytes} now and answers null, or queues the upload and answers its
     * place in the queue: {@code granted} then runs later, on the thread that made room.
     * Nobody jumps the queue, so a large upload is not starved by small ones.
     */
    synchronized Waiter reserveOrWait(long bytes, Runnable granted) {
        long cost = cost(bytes);
        if (waiting.isEmpty() && reserved + cost <= capacity) {
            reserved += cost;
            return null;
        }
        Waiter waiter = new Waiter(cost, granted);
        waiting.add(waiter);
        return waiter;
    }

    /** Takes a waiter out of the queue; false if it was granted meanwhile (it then owns its bytes). */
    boolean abandon(Waiter waiter) {
        List<Runnable> granted;
        synchronized (this) {
            if (!waiting.remove(waiter)) {
                return false;
            }
            // It may have been blocking the ones behind it.
            granted = grantFitting();
        }
        granted.forEach(Runnable::run);
        return true;
    }

    void release(long bytes) {
        List<Runnable> granted;
        synchronized (this) {
            reserved -= cost(bytes);
            granted = grantFitting();
        }
        granted.forEach(Runnable::run);
    }

    synchronized long reserved() {
        return reserved;
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private List<Runnable> grantFitting() {
        List<Runnable> granted = new ArrayList<>();
        while (!waiting.isEmpty() && reserved + waiting.peek().bytes <= capacity) {
            Waiter next = waiting.poll();
            reserved += next.bytes;
            next.isGranted = true;
            granted.add(next.granted);
        }
        return granted;
    }
}
