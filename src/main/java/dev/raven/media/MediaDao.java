package dev.raven.media;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The media and media_blobs tables. */
@RegisterConstructorMapper(MediaRow.class)
public interface MediaDao {

    String COLUMNS = "m.id, m.public_key, m.user_id, m.content_type, m.extension, m.blob_hash, m.width, m.height, "
            + "m.preview_type, m.preview_hash, m.description, m.size_bytes, m.created_at, m.tweet_id, m.reply_id, "
            + "m.profile_use";

    /** Creates the blob row if it is not there yet (a concurrent upload of the same bytes may win). */
    @SqlUpdate("INSERT INTO media_blobs (hash, size_bytes, data) VALUES (:hash, :size, :data) ON CONFLICT DO NOTHING")
    void insertBlobIfAbsent(@Bind("hash") String hash, @Bind("size") long size, @Bind("data") byte[] data);

    /** The same for a blob whose bytes live in files. */
    @SqlUpdate("INSERT INTO media_blobs (hash, size_bytes) VALUES (:hash, :size) ON CONFLICT DO NOTHING")
    void insertBlobIfAbsent(@Bind("hash") String hash, @Bind("size") long size);

    /** Locks a blob row while its file is written or removed; empty when it is gone. */
    @SqlQuery("SELECT hash FROM media_blobs WHERE hash = :hash FOR UPDATE")
    Optional<String> lockBlob(@Bind("hash") String hash);

    @SqlQuery("SELECT data FROM media_blobs WHERE hash = :hash")
    Optional<byte[]> blobData(@Bind("hash") String hash);

    @SqlQuery("SELECT hash FROM media_blobs")
    List<String> allBlobHashes();

    /** Of the given blobs, those no upload names any more, locked for removal. */
    @SqlQuery("SELECT b.hash FROM media_blobs b WHERE b.hash IN (<hashes>) "
            + "AND NOT EXISTS (SELECT 1 FROM media m WHERE m.blob_hash = b.hash) "
            + "AND NOT EXISTS (SELECT 1 FROM media m WHERE m.preview_hash = b.hash) FOR UPDATE")
    List<String> lockUnused(@BindList("hashes") Collection<String> hashes);

    @SqlQuery("SELECT b.hash FROM media_blobs b WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.blob_hash = b.hash) "
            + "AND NOT EXISTS (SELECT 1 FROM media m WHERE m.preview_hash = b.hash) LIMIT 1000")
    List<String> unusedBlobs();

    /** A row for a blob being removed; 0 when one is there (the picture was uploaded again). */
    @SqlUpdate("INSERT INTO media_blobs (hash, size_bytes) VALUES (:hash, 0) ON CONFLICT DO NOTHING")
    int claimBlob(@Bind("hash") String hash);

    @SqlUpdate("DELETE FROM media_blobs WHERE hash = :hash")
    void deleteBlob(@Bind("hash") String hash);

    @SqlUpdate("INSERT INTO media (public_key, user_id, content_type, extension, blob_hash, width, height, "
            + "preview_type, preview_hash, description, size_bytes, created_at) VALUES (:key, :user, :type, :ext, "
            + ":blob, :width, :height, :previewType, :preview, :description, :size, :now)")
    void insert(@Bind("key") String key, @Bind("user") long userId, @Bind("type") String contentType,
                @Bind("ext") String extension, @Bind("blob") String blobHash, @Bind("width") int width,
                @Bind("height") int height, @Bind("previewType") String previewType,
                @Bind("preview") String previewHash, @Bind("description") String description,
                @Bind("size") long sizeBytes, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.public_key = :key")
    Optional<MediaRow> byKey(@Bind("key") String key);

    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.public_key = :key FOR UPDATE")
    Optional<MediaRow> lockByKey(@Bind("key") String key);

    /** Serializes one person's uploads, so that two at once cannot both slip under the quota. */
    @SqlQuery("SELECT id FROM users WHERE id = :user FOR UPDATE")
    Optional<Long> lockUser(@Bind("user") long userId);

    @SqlQuery("SELECT COALESCE(SUM(size_bytes), 0) FROM media WHERE user_id = :user")
    long bytesOf(@Bind("user") long userId);

    @SqlUpdate("UPDATE media SET tweet_id = :tweet WHERE id = :id")
    void useForTweet(@Bind("id") long id, @Bind("tweet") long tweetId);

    @SqlUpdate("UPDATE media SET reply_id = :reply WHERE id = :id")
    void useForReply(@Bind("id") long id, @Bind("reply") long replyId);

    @SqlUpdate("UPDATE media SET profile_use = :use WHERE id = :id")
    void useForProfile(@Bind("id") long id, @Bind("use") String use);

    /** The media of a tweet and of the replies under it (they go with it). */
    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.tweet_id = :tweet "
            + "OR m.reply_id IN (SELECT id FROM replies WHERE tweet_id = :tweet)")
    List<MediaRow> ofTweet(@Bind("tweet") long tweetId);

    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.reply_id = :reply")
    List<MediaRow> ofReply(@Bind("reply") long replyId);

    /** Everything that goes with an account: its uploads, and those of replies to its tweets. */
    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.user_id = :user "
            + "OR m.reply_id IN (SELECT r.id FROM replies r JOIN tweets t ON t.id = r.tweet_id WHERE t.user_id = :user)")
    List<MediaRow> ofAccount(@Bind("user") long userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.user_id = :user AND m.profile_use = :use")
    List<MediaRow> profileMedia(@Bind("user") long userId, @Bind("use") String use);

    /** Uploads never attached to anything, older than the cut-off. */
    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.created_at < :before AND m.tweet_id IS NULL "
            + "AND m.reply_id IS NULL AND m.profile_use IS NULL LIMIT 500")
    List<MediaRow> unattachedBefore(@Bind("before") Instant before);

    @SqlUpdate("DELETE FROM media WHERE id IN (<ids>)")
    void delete(@BindList("ids") Collection<Long> ids);

    /** The descriptions (alt text) of pictures by public key, for pages showing them. */
    @SqlQuery("SELECT " + COLUMNS + " FROM media m WHERE m.public_key IN (<keys>)")
    List<MediaRow> byKeys(@BindList("keys") Collection<String> keys);

    /** Who may see a tweet's picture: the tweet's visibility and author. */
    @SqlQuery("SELECT t.is_public FROM tweets t WHERE t.id = :tweet")
    Optional<Boolean> tweetIsPublic(@Bind("tweet") long tweetId);

    @SqlQuery("SELECT r.tweet_id FROM replies r WHERE r.id = :reply")
    Optional<Long> tweetOfReply(@Bind("reply") long replyId);
}
