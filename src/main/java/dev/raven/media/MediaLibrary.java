package dev.raven.media;

import dev.raven.config.MediaSettings;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.tweet.TweetAccess;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pictures stored by the instance: uploading, who may see one, and their life with the
 * tweets, replies and profiles that use them. An upload has at most one use; its blobs
 * (picture and preview, named by content hash) may be shared by several uploads and go
 * with the last one.
 */
public final class MediaLibrary {
    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    /** Uploads not attached to anything within this time are removed. */
    static final Duration UNATTACHED_TTL = Duration.ofDays(1);
    static final int DESCRIPTION_MAX = 1500;

    private final Jdbi jdbi;
    private final MediaStore store;
    private final MediaSettings settings;
    private final ImageProcessor processor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MediaLibrary(Jdbi jdbi, dev.raven.config.RavenConfig config, Clock clock) {
        this(jdbi, MediaStore.of(config), config.media(), clock);
    }

    MediaLibrary(Jdbi jdbi, MediaStore store, MediaSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.settings = settings;
        this.processor = new ImageProcessor(settings.maxPixels(), Runtime.getRuntime().availableProcessors());
        this.clock = clock;
    }

    public MediaSettings settings() {
        return settings;
    }

    // --- Uploading -------------------------------------------------------------------

    /** Checks, cleans and stores one picture for its owner; {@code origin} is scheme://host of the request. */
    public Upload upload(long userId, byte[] bytes, String description, String origin) {
        String alt = description == null ? "" : description.strip();
        if (alt.codePointCount(0, alt.length()) > DESCRIPTION_MAX) {
            throw ApiException.invalid("description", "Ensure this field has no more than " + DESCRIPTION_MAX
                    + " characters.");
        }
        if (bytes.length == 0) {
            throw ApiException.invalid("file", "The file is empty.");
        }
        if (bytes.length > settings.maxBytes()) {
            throw tooLarge(settings.maxBytes());
        }
        // A person already at the quota costs no decode (the exact check is below, under a lock).
        long usedBefore = jdbi.withExtension(MediaDao.class, d -> d.bytesOf(userId));
        if (usedBefore >= settings.quotaBytes()) {
            throw overQuota(bytes.length, usedBefore);
        }
        ImageProcessor.Processed p = processor.process(bytes);
        String hash = sha256(p.bytes());
        String previewHash = sha256(p.preview());
        long cost = p.bytes().length + (previewHash.equals(hash) ? 0 : p.preview().length);
        String key = newKey();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MediaRow row = Transactions.inTransaction(jdbi, h -> {
            MediaDao dao = h.attach(MediaDao.class);
            dao.lockUser(userId).orElseThrow(() -> ApiException.notFound("User not found."));
            long used = dao.bytesOf(userId);
            if (used + cost > settings.quotaBytes()) {
                throw overQuota(cost, used);
            }
            // Lower hash first, so two uploads locking the same pair never deadlock.
            for (String blob : new java.util.TreeSet<>(List.of(hash, previewHash))) {
                byte[] content = blob.equals(hash) ? p.bytes() : p.preview();
                store.insertIfAbsent(h, blob, content);
                dao.lockBlob(blob).orElseThrow();
                store.write(blob, content);
            }
            dao.insert(key, userId, p.kind().contentType(), p.kind().extension(), hash, p.width(), p.height(),
                    p.previewKind().contentType(), previewHash, alt, cost, now);
            return dao.byKey(key).orElseThrow();
        });
        return upload(row, origin);
    }

    private ApiException overQuota(long cost, long used) {
        return new ApiException(413, "quota_exceeded", "This picture (" + mib(cost) + ") does not fit in your "
                + "storage quota: your pictures take " + mib(used) + " of " + mib(settings.quotaBytes())
                + ". Delete some tweets with pictures first.");
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "file_too_large", "The picture is larger than " + mib(maxBytes)
                + " (media.max.bytes).");
    }

    static Upload upload(MediaRow row, String origin) {
        return new Upload(row.id(), origin + "/media/" + row.fileName(), origin + "/media/" + row.previewFileName(),
                row.contentType(), row.width(), row.height(), row.description());
    }

    private String newKey() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    // --- Serving ---------------------------------------------------------------------

    /** A file to send: its bytes, type, strong validator, and whether shared caches may keep it. */
    public record Served(InputStream bytes, String contentType, String hash, boolean publicCache) {
    }

    /** The entity tag of a file, without its bytes, when the viewer may see it (for 304s). */
    public record Found(MediaRow row, boolean preview, boolean publicCache) {
        public String hash() {
            return preview ? row.previewHash() : row.blobHash();
        }

        public String contentType() {
            return preview ? row.previewType() : row.contentType();
        }
    }

    /** The picture {@code name} names, if it exists and the viewer (0 = nobody signed in) may see it. */
    public Optional<Found> find(String name, long viewerUserId) {
        Optional<MediaUrls.Name> parsed = MediaUrls.parseName(name);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        MediaUrls.Name n = parsed.get();
        return jdbi.withHandle(h -> {
            Optional<MediaRow> found = h.attach(MediaDao.class).byKey(n.key());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MediaRow row = found.get();
            String expected = n.preview() ? ImageKind.ofContentType(row.previewType()).extension() : row.extension();
            if (!expected.equals(n.extension())) {
                return Optional.empty();
            }
            return visibility(h, row, viewerUserId).map(publicCache -> new Found(row, n.preview(), publicCache));
        });
    }

    /**
     * Whether the viewer may see the upload (empty when not), and if so whether everyone may:
     * a tweet's picture follows the tweet's visibility rule, a reply's the rule of its tweet.
     */
    private static Optional<Boolean> visibility(Handle h, MediaRow row, long viewerUserId) {
        MediaDao dao = h.attach(MediaDao.class);
        Long tweetId = row.tweetId();
        if (tweetId == null && row.replyId() != null) {
            tweetId = dao.tweetOfReply(row.replyId()).orElse(null);
            if (tweetId == null) {
                return Optional.empty();
            }
        }
        if (tweetId != null) {
            boolean isPublic = dao.tweetIsPublic(tweetId).orElse(false);
            try {
                TweetAccess.requireVisible(h, tweetId, viewerUserId);
            } catch (ApiException hidden) {
                return Optional.empty();
            }
            return Optional.of(isPublic);
        }
        // An avatar or banner is public; a fresh upload is its owner's preview (unguessable, not cached publicly).
        return Optional.of(row.profileUse() != null);
    }

    public Optional<InputStream> open(String hash) {
        return jdbi.withHandle(h -> store.open(h, hash));
    }

    // --- Uses --------------------------------------------------------------------------

    /** What an upload is used for. */
    public record Use(String kind, long id) {
        public static Use tweet(long tweetId) {
            return new Use("tweet", tweetId);
        }

        public static Use reply(long replyId) {
            return new Use("reply", replyId);
        }

        public static Use avatar(long userId) {
            return new Use("avatar", userId);
        }

        public static Use banner(long userId) {
            return new Use("banner", userId);
        }

        boolean isUsedBy(MediaRow row) {
            return switch (kind) {
                case "tweet" -> row.tweetId() != null && row.tweetId() == id;
                case "reply" -> row.replyId() != null && row.replyId() == id;
                default -> kind.equals(row.profileUse()) && row.userId() == id;
            };
        }
    }

    /**
     * Before a write, outside any transaction: with media.allow.external.urls=false, a URL
     * must look like one of this instance's pictures (the transaction then checks it is the
     * person's own, unused upload). Adds a 400 naming the field.
     */
    public void checkUrl(String url, FieldErrors errors, String field) {
        if (url == null || url.isEmpty() || settings.allowExternalUrls() || errors.has(field)) {
            return;
        }
        if (MediaUrls.keyOf(url).isEmpty()) {
            errors.add(field, "This instance only takes its own pictures: upload it with POST /api/media/ and use "
                    + "the url it answers.");
        }
    }

    /**
     * Inside the write's transaction: {@code use} now shows {@code newUrl} instead of {@code oldUrl}.
     * A picture of this instance becomes the use's (it must be the person's own, unused
     * upload); the one it replaces is removed. Other URLs are links, allowed unless
     * media.allow.external.urls=false.
     */
    public void use(Handle h, long userId, Use use, String newUrl, String oldUrl, String field) {
        String newKey = MediaUrls.keyOf(newUrl).orElse(null);
        String oldKey = MediaUrls.keyOf(oldUrl).orElse(null);
        boolean usesNew = newUrl != null && !newUrl.isEmpty();
        boolean dropsOld = oldKey != null && !oldKey.equals(newKey);
        if (!usesNew && !dropsOld) {
            return; // most posts: no picture, and attaching the DAO costs more than the post's insert
        }
        MediaDao dao = h.attach(MediaDao.class);
        if (usesNew) {
            Optional<MediaRow> row = newKey == null ? Optional.empty() : dao.lockByKey(newKey);
            if (row.isEmpty()) {
                if (!settings.allowExternalUrls()) {
                    throw ApiException.invalid(field, "No such picture on this instance: upload it with POST "
                            + "/api/media/ and use the url it answers.");
                }
            } else if (!use.isUsedBy(row.get())) {
                MediaRow r = row.get();
                if (r.userId() != userId) {
                    throw ApiException.invalid(field, "This picture was uploaded by someone else; upload your own.");
                }
                if (r.attached()) {
                    throw ApiException.invalid(field, "This picture is already used elsewhere; upload it again to use "
                            + "it twice.");
                }
                switch (use.kind()) {
                    case "tweet" -> dao.useForTweet(r.id(), use.id());
                    case "reply" -> dao.useForReply(r.id(), use.id());
                    default -> dao.useForProfile(r.id(), use.kind());
                }
            }
        }
        if (dropsOld) {
            dao.byKey(oldKey).filter(use::isUsedBy).ifPresent(old -> remove(h, List.of(old)));
        }
    }

    /** Before a tweet is deleted: its pictures, and those of its replies, go with it. */
    public void removeOfTweet(Handle h, long tweetId) {
        remove(h, h.attach(MediaDao.class).ofTweet(tweetId));
    }

    public void removeOfReply(Handle h, long replyId) {
        remove(h, h.attach(MediaDao.class).ofReply(replyId));
    }

    /** Before an account is deleted: its uploads, and the pictures of replies to its tweets. */
    public void removeOfAccount(Handle h, long userId) {
        remove(h, h.attach(MediaDao.class).ofAccount(userId));
    }

    /** Deletes the uploads, then each blob none of the remaining uploads names (bytes included). */
    private void remove(Handle h, List<MediaRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        MediaDao dao = h.attach(MediaDao.class);
        dao.delete(rows.stream().map(MediaRow::id).toList());
        Set<String> hashes = new LinkedHashSet<>();
        for (MediaRow r : rows) {
            hashes.add(r.blobHash());
            hashes.add(r.previewHash());
        }
        removeUnused(h, hashes);
    }

    private void removeUnused(Handle h, Collection<String> hashes) {
        MediaDao dao = h.attach(MediaDao.class);
        for (String hash : dao.lockUnused(new java.util.TreeSet<>(hashes))) {
            dao.deleteBlob(hash);
            h.afterCommit(() -> removeBytes(hash));
        }
    }

    /** After the commit: the change stands even if this fails; housekeeping sweeps what is left. */
    private void removeBytes(String hash) {
        try {
            store.removeDeleted(jdbi, hash);
        } catch (RuntimeException e) {
            log.warn("Picture {} deleted, its bytes left for housekeeping: {}", hash, e.toString());
        }
    }

    // --- Housekeeping ------------------------------------------------------------------

    /** Removes uploads left unattached for a day, blobs nothing names, and stray files. */
    public void housekeep() {
        Instant before = clock.instant().minus(UNATTACHED_TTL);
        while (true) {
            List<MediaRow> stale = jdbi.withExtension(MediaDao.class, d -> d.unattachedBefore(before));
            if (stale.isEmpty()) {
                break;
            }
            Transactions.useTransaction(jdbi, h -> remove(h, stale));
            log.info("Removed {} picture(s) never attached within {}h of upload", stale.size(),
                    UNATTACHED_TTL.toHours());
        }
        List<String> unused = jdbi.withExtension(MediaDao.class, MediaDao::unusedBlobs);
        if (!unused.isEmpty()) {
            Transactions.useTransaction(jdbi, h -> removeUnused(h, unused));
        }
        Set<String> known = new HashSet<>(jdbi.withExtension(MediaDao.class, MediaDao::allBlobHashes));
        store.removeStray(known);
    }

    // --- Pages -------------------------------------------------------------------------

    /**
     * A web form's picture (multipart field {@code fileField}, alt text in {@code altField}),
     * uploaded as POST /api/media/ would: its URL, or null when the form has none. A refusal
     * is reported on {@code fileField}.
     */
    public String uploadFromForm(io.javalin.http.Context ctx, long userId, String fileField, String altField,
                                 String origin) {
        if (!MultipartForm.isMultipart(ctx)) {
            return null;
        }
        MultipartForm form = MultipartForm.read(ctx, fileField);
        if (form.file() == null) {
            return null;
        }
        try {
            return upload(userId, form.file(), form.fields().get(altField), origin).url();
        } catch (ApiException e) {
            Map<String, List<String>> errors = new HashMap<>();
            errors.put(e.fieldErrors().containsKey("description") ? altField : fileField, List.of(e.getMessage()));
            throw new ApiException(e.status(), e.code(), e.getMessage(), errors, e.headers());
        }
    }

    /** Alt texts of this instance's pictures among the URLs, by URL, in one statement. */
    public Map<String, String> descriptions(Collection<String> urls) {
        Map<String, String> keyToUrl = new HashMap<>();
        for (String url : urls) {
            MediaUrls.keyOf(url).ifPresent(k -> keyToUrl.put(k, url));
        }
        Map<String, String> out = new HashMap<>();
        if (keyToUrl.isEmpty()) {
            return out;
        }
        List<MediaRow> rows = jdbi.withExtension(MediaDao.class, d -> d.byKeys(new ArrayList<>(keyToUrl.keySet())));
        for (MediaRow r : rows) {
            out.put(keyToUrl.get(r.publicKey()), r.description());
        }
        return out;
    }
}
