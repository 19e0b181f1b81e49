package dev.raven.media;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** media.store=database: the bytes are in the blob's row, shared by every instance on the database. */
final class DatabaseMediaStore implements MediaStore {

    @Override
    public void insertIfAbsent(Handle h, String hash, byte[] bytes) {
        h.attach(MediaDao.class).insertBlobIfAbsent(hash, bytes.length, bytes);
    }

    @Override
    public void write(String hash, byte[] bytes) {
        // already in the row
    }

    @Override
    public Optional<InputStream> open(Handle h, String hash) {
        return h.attach(MediaDao.class).blobData(hash).map(ByteArrayInputStream::new);
    }

    @Override
    public void removeDeleted(Jdbi jdbi, String hash) {
        // went with the row
    }

    @Override
    public void removeStray(Set<String> known) {
        // nothing outside the database
    }
}
