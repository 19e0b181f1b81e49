package dev.raven.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Keeps an instance's in-memory copies (held tweets, held timelines) true when several
 * instances share PostgreSQL. Each instance applies its own writes to its copies as they
 * commit ({@link CommittedWrites}); what it cannot see is another instance's writes. So every
 * committed write to what the copies hold moves a shared counter (the sequence
 * {@code raven_write_epoch}) before its request is answered, and a handle about to read a
 * copy first reads the counter (one short statement, once per handle): if anyone else moved
 * it since this instance last looked, every copy is dropped and read again from the database.
 *
 * <p>Why this is exact: a write moves the counter after its commit and before its answer, so
 * a read that starts after a write was answered sees the counter moved and drops what it held
 * from before. A read that started earlier may still show the state before that write, which
 * it could have shown anyway. Copies read from the database while another instance's write
 * landed are refused by the copies' own generations once the drop comes.
 *
 * <p>With one instance the counter only ever moves by this instance's own writes, which it has
 * applied already, so nothing is dropped; with several, any instance's write to those tables
 * empties every other instance's copies (coarse, and correct).
 *
 * <p>Off (what a Jdbi starts with, and always on the embedded database): {@link #check} does
 * nothing. Shared through the Jdbi configuration; each handle's copy remembers that it looked.
 */
public final class WriteEpoch implements JdbiConfig<WriteEpoch> {
    private static final Logger log = LoggerFactory.getLogger(WriteEpoch.class);

    /** The counter's value as a column (0 before the first write ever moved it). */
    public static final String COLUMN = "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM raven_write_epoch)";
    static final String READ = "SELECT " + COLUMN;
    static final String MOVE = "SELECT nextval('raven_write_epoch')";

    /**
     * Set on a request's thread once the request's session check read the counter with the
     * session ({@link #readWithSession}): the request's later handles need not read it again.
     * Cleared as each request starts and ends ({@link #requestBoundary}).
     */
    private static final ThreadLocal<Boolean> READ_THIS_REQUEST = new ThreadLocal<>();

    /** One per Jdbi, shared by its handles' copies. */
    private final Shared shared;
    private boolean looked;

    /** Off until {@link #install}. */
    public WriteEpoch() {
        this(new Shared());
    }

    private WriteEpoch(Shared shared) {
        this.shared = shared;
    }

    @Override
    public WriteEpoch createCopy() {
        return new WriteEpoch(shared); // a new handle has not looked yet
    }

    /**
     * Turns it on for {@code jdbi}: every committed statement whose SQL {@code changesCopies}
     * moves the counter through {@code mover} (a pool of its own, so that a move never waits
     * behind requests for a connection), and {@code dropCopies} runs when another instance
     * moved it.
     */
    public static void install(Jdbi jdbi, Jdbi mover, Predicate<String> changesCopies, Runnable dropCopies) {
        Shared shared = jdbi.getConfig(WriteEpoch.class).shared;
        shared.turnOn(mover, dropCopies);
        CommittedWrites.afterCommit(jdbi, changesCopies, shared::move);
    }

    /**
     * Before {@code h} reads a copy: drops every copy if another instance wrote since this one
     * last looked. One statement, on the handle's first call; nothing when off.
     */
    public static void check(Handle h) {
        WriteEpoch epoch = h.getConfig(WriteEpoch.class);
        if (epoch.looked || !epoch.shared.on()) {
            return;
        }
        if (READ_THIS_REQUEST.get() == null) {
            epoch.shared.observe(h.createQuery(READ).mapTo(Long.class).one());
        }
        epoch.looked = true;
    }

    /** Whether {@code h}'s first statement of a request should read the counter too ({@link #COLUMN}). */
    public static boolean isOn(Handle h) {
        return h.getConfig(WriteEpoch.class).shared.on();
    }

    /**
     * The counter as the request's session check read it, in the same statement: observed
     * now, after the request started, so it serves {@link #check} for the whole request
     * (one statement fewer on every page that reads a copy).
     */
    public static void readWithSession(Handle h, long counter) {
        WriteEpoch epoch = h.getConfig(WriteEpoch.class);
        epoch.shared.observe(counter);
        epoch.looked = true;
        READ_THIS_REQUEST.set(Boolean.TRUE);
    }

    /** A request starts or ends on this thread: what an earlier one read must not serve it. */
    public static void requestBoundary() {
        READ_THIS_REQUEST.remove();
    }

    /** Copies dropped because another instance wrote, since start (for tests and the curious). */
    public long drops() {
        return shared.drops.get();
    }

    private static final class Shared {
        private volatile Jdbi mover;
        private volatile Runnable dropCopies;
        /** The counter as this instance's copies know it; -1: not looked yet (the copies start empty). */
        private final AtomicLong seen = new AtomicLong(-1);
        private final AtomicLong drops = new AtomicLong();
        private final SharedRuns<Void> moves = new SharedRuns<>("announce a write to the other instances",
                writes -> moveNow());

        void turnOn(Jdbi mover, Runnable dropCopies) {
            this.dropCopies = dropCopies;
            this.mover = mover;
        }

        boolean on() {
            return mover != null;
        }

        void observe(long now) {
            long known = seen.get();
            if (now == known) {
                return;
            }
            if (known >= 0) {
                drops.incrementAndGet();
            }
            dropCopies.run(); // before taking the new value: a read racing this one refills nothing old
            seen.accumulateAndGet(now, Math::max);
        }

        /**
         * After this instance's own write (applied to its copies already): the counter moves,
         * and if nobody else moved it meanwhile the copies stay. Writes that commit while a
         * move is under way share the next one ({@link SharedRuns}).
         */
        void move() {
            moves.runIncluding(null);
        }

        private void moveNow() {
            try {
                long value = mover.withHandle(h -> h.createQuery(MOVE).mapTo(Long.class).one());
                seen.compareAndSet(value - 1, value);
            } catch (RuntimeException e) {
                // The write is committed; other instances keep their copies until the next write moves it.
                log.warn("Could not announce a write to the other instances: {}", e.getMessage());
            }
        }
    }
}
