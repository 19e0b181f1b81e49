package dev.raven.auth;

import dev.raven.media.MediaLibrary;
import dev.raven.profile.FollowDao;
import dev.raven.reply.ReplyRemoval;
import dev.raven.timeline.FanOut;
import dev.raven.tweet.TweetRemoval;
import org.jdbi.v3.core.Handle;

/**
 * Deletes a user and everything they own, inside the caller's transaction. Rows that
 * belong to the user go by ON DELETE CASCADE; counters on other rows that counted
 * them are corrected here first, so every count is right afterwards.
 */
public final class AccountRemoval {
    private final MediaLibrary media;

    public AccountRemoval(MediaLibrary media) {
        this.media = media;
    }

    public void remove(Handle handle, long userId) {
        media.removeOfAccount(handle, userId);
        FollowDao follows = handle.attach(FollowDao.class);
        follows.uncountFollowsBy(userId);
        follows.uncountFollowsOf(userId);
        TweetRemoval.uncountEverythingOf(handle, userId);
        ReplyRemoval.uncountEverythingOf(handle, userId);
        FanOut.accountRemoving(handle, userId);
        handle.attach(UserDao.class).delete(userId);
    }
}
