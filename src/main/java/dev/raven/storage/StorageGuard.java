package dev.raven.storage;

import dev.raven.config.RavenConfig;
import dev.raven.db.DatabaseFault;
import dev.raven.db.EmbeddedH2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether data.dir has room for changes. Below storage.min.free.bytes it is {@link Level#LOW}:
 * only small session writes go through, so the embedded database never fills the disk. After
 * a write found no space at all it is {@link Level#FULL}: no write goes through (each failed
 * one would close the database again) until free space is back above the floor. Changes of
 * state are logged once each, and undone by themselves when space is freed: no restart.
 * A {@link SpaceReserve} file gives the database room to reopen after a write found no space.
 * Only for the embedded database, whose file lives in data.dir; otherwise it refuses nothing.
 */
public final class StorageGuard {
    private static final Logger log = LoggerFactory.getLogger(StorageGuard.class);
    /**
     * With no floor set, writes resume after a full disk once this much is free again, on top
     * of the reserve. Not less: reopening the database can free a megabyte or so by itself
     * (H2 compacts as it closes), and resuming on that alone would fill the disk again at once.
     */
    private static final long MIN_RESUME_BYTES = 8 * 1024 * 1024;

    public enum Level {
        OK("ok"), LOW("low_disk"), FULL("disk_full");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** The word /health reports. */
        public String label() {
            return label;
        }
    }

    /** What /health shows: the level, the free space when it could be measured, and the floor. */
    public record Report(Level level, OptionalLong freeBytes, long minFreeBytes) {
    }

    private final Path dataDir;
    private final FreeSpace freeSpace;
    private final SpaceReserve reserve;
    private final long floorBytes;
    private final AtomicReference<Level> level = new AtomicReference<>(Level.OK);

    private StorageGuard(Path dataDir, long floorBytes) {
        this.dataDir = dataDir;
        this.freeSpace = dataDir == null ? null : new FreeSpace(dataDir);
        this.reserve = dataDir == null ? null : new SpaceReserve(dataDir);
        this.floorBytes = floorBytes;
    }

    /** Watches data.dir when it holds the database, else refuses nothing. */
    public static StorageGuard of(RavenConfig config) {
        return EmbeddedH2.isUsedBy(config) ? new StorageGuard(config.dataDir(), config.storageMinFreeBytes())
                : new StorageGuard(null, 0);
    }

    /**
     * At start, once data.dir exists: sets the space reserve aside if that leaves the floor
     * free, and logs at once if space is already low.
     */
    public void start() {
        if (freeSpace == null) {
            return;
        }
        freeSpace.usableBytes().ifPresent(this::holdReserveIfRoom);
        level();
    }

    private void holdReserveIfRoom(long free) {
        if (free - SpaceReserve.BYTES >= floorBytes && reserve.hold()) {
            freeSpace.forget();
        }
    }

    /** The level now, from a free-space reading at most a second old. */
    public Level level() {
        if (freeSpace == null) {
            return Level.OK;
        }
        OptionalLong free = freeSpace.usableBytes();
        if (free.isEmpty()) {
            return level.get(); // unmeasurable: keep what was known
        }
        while (true) {
            Level before = level.get();
            Level after = next(before, free.getAsLong());
            if (after == before) {
                return after;
            }
            if (level.compareAndSet(before, after)) {
                logChange(after, free.getAsLong());
                return after;
            }
        }
    }

    private Level next(Level before, long free) {
        if (before == Level.FULL && free < resumeBytes()) {
            return Level.FULL;
        }
        return free < floorBytes ? Level.LOW : Level.OK;
    }

    /** Enough to set the reserve aside again and stay above the floor. */
    private long resumeBytes() {
        return Math.max(floorBytes, MIN_RESUME_BYTES) + SpaceReserve.BYTES;
    }

    /** A database fault was seen; a full disk stops all writes until space is freed. */
    public void onFault(DatabaseFault fault, Throwable cause) {
        if (fault != DatabaseFault.DISK_FULL || freeSpace == null) {
            return;
        }
        if (level.getAndSet(Level.FULL) != Level.FULL) {
            boolean released = reserve.release(); // room for the database to reopen, so that reads go on
            freeSpace.forget();
            log.error("A database write found no space left in data.dir {} ({}). Refusing all changes (507) "
                            + "until more than {} is free; reads go on{}. Free some space: no restart is needed.",
                    dataDir, DatabaseFault.rootCause(cause), size(resumeBytes()),
                    released ? " (the " + size(SpaceReserve.BYTES) + " " + SpaceReserve.FILE_NAME
                            + " file was given up for them)" : "");
        }
    }

    /** For /health; empty when the database is not in data.dir. */
    public Optional<Report> report() {
        if (freeSpace == null) {
            return Optional.empty();
        }
        Level now = level();
        return Optional.of(new Report(now, freeSpace.usableBytes(), floorBytes));
    }

    private void logChange(Level now, long free) {
        switch (now) {
            case LOW -> log.error("Free space in data.dir {} is down to {}, below storage.min.free.bytes ({}). "
                            + "Refusing changes (507) until space is freed; reads, logins and logouts go on.",
                    dataDir, size(free), size(floorBytes));
            case OK -> {
                log.info("Free space in data.dir {} is back to {}: accepting changes again.", dataDir, size(free));
                holdReserveIfRoom(free);
            }
            case FULL -> {
                // entered only through onFault, which logs it
            }
        }
    }

    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
