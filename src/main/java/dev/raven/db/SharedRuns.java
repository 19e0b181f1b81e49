package dev.raven.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A statement that every write must have run after its commit and before its answer (tell
 * the other instances, send the live-update events), shared by the writes that commit while
 * one is under way: a run that starts after a write asked covers it, so under load one
 * statement serves many writes, and each caller still returns only once a run covering it
 * has finished. The run happens on the thread of the first caller who finds none under way.
 *
 * @param <T> what each caller adds to the next run (the runs get them in order)
 */
public final class SharedRuns<T> {
    private static final Logger log = LoggerFactory.getLogger(SharedRuns.class);

    private final String what;
    private final Consumer<List<T>> run;
    private List<T> waiting = new ArrayList<>();
    /** Callers so far, and how many of them a finished run covered. */
    private long asked;
    private long covered;
    private boolean running;

    /** {@code what}: for the log, if a caller is interrupted while it waits. */
    public SharedRuns(String what, Consumer<List<T>> run) {
        this.what = what;
        this.run = run;
    }

    /** Adds {@code item} to the next run, and returns once a run that includes it has finished. */
    public void runIncluding(T item) {
        List<T> batch;
        long covers;
        synchronized (this) {
            waiting.add(item);
            long ticket = ++asked;
            try {
                while (running && covered < ticket) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while waiting to {}", what);
                return;
            }
            if (covered >= ticket) {
                return;
            }
            running = true;
            batch = waiting;
            waiting = new ArrayList<>();
            covers = asked;
        }
        try {
            run.accept(batch);
        } finally {
            synchronized (this) {
                running = false;
                covered = covers;
                notifyAll();
            }
        }
    }
}
