package dev.raven.media;

import dev.raven.config.MediaSettings;
import dev.raven.config.RavenConfig;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Where blob bytes live (media.store). Every blob has a media_blobs row; callers hold that
 * row's lock while bytes are written or removed, so an upload of the same picture and the
 * removal of its last use never cross.
 */
interface MediaStore {

    static MediaStore of(RavenConfig config) {
        return config.media().store() == MediaSettings.Store.DATABASE
                ? new DatabaseMediaStore() : new FileMediaStore(folder(config));
    }

    /** data.dir/media: the filesystem store's folder, also what backup copies. */
    static Path folder(RavenConfig config) {
        return config.dataDir().resolve("media");
    }

    /** Creates the blob's row if absent (with the bytes, when they live in the database). */
    void insertIfAbsent(Handle h, String hash, byte[] bytes);

    /** After the row is locked: makes sure the bytes are there. */
    void write(String hash, byte[] bytes);

    /** The blob's bytes; empty if they are gone. */
    Optional<InputStream> open(Handle h, String hash);

    /**
     * After the commit that deleted the blob's row: removes the bytes, unless the same picture
     * was uploaded again meanwhile. Never inside that transaction: had its commit failed, the
     * rows would have stayed and their bytes been gone.
     */
    void removeDeleted(Jdbi jdbi, String hash);

    /** Housekeeping: bytes left without a row (a failed upload), given every hash that has one. */
    void removeStray(Set<String> known);
}
