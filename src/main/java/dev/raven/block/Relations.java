package dev.raven.block;

import dev.raven.http.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Blocks and mutes for write paths (follow, reply, like, retweet, save, and whatever later
 * mentions or notifies someone). Read paths use the SQL fragments of
 * {@link dev.raven.tweet.TweetSql} ({@code NOT_BLOCKED}, {@code NOT_MUTED}, ...) instead, so
 * that a list stays one statement.
 */
public final class Relations {
    private final Jdbi jdbi;

    public Relations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Does either of the two accounts block the other? */
    public boolean eitherBlocks(long a, long b) {
        return jdbi.withHandle(h -> eitherBlocks(h, a, b));
    }

    /** Does {@code muter} mute {@code muted}? (A mute is never told to the muted account.) */
    public boolean mutes(long muter, long muted) {
        return jdbi.withHandle(h -> mutes(h, muter, muted));
    }

    /** {@link #eitherBlocks(long, long)} inside the caller's transaction. */
    public static boolean eitherBlocks(Handle h, long a, long b) {
        return a != b && h.attach(BlockDao.class).eitherBlocks(a, b);
    }

    public static boolean mutes(Handle h, long muter, long muted) {
        return muter != muted && h.attach(BlockDao.class).mutes(muter, muted);
    }

    /** A 403 {@code blocked} when either account blocks the other. */
    public static void requireNoBlock(Handle h, long viewerUserId, long otherUserId) {
        if (eitherBlocks(h, viewerUserId, otherUserId)) {
            throw blocked();
        }
    }

    public static ApiException blocked() {
        return new ApiException(403, "blocked", "You cannot do this: one of you has blocked the other.");
    }
}
