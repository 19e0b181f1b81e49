package dev.raven.block;

import dev.raven.db.ListRow;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import dev.raven.profile.FollowDao;
import dev.raven.profile.ProfileBrief;
import dev.raven.profile.ProfileBriefs;
import dev.raven.profile.ProfileDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Blocking and muting, for every user. A block ends the follows both ways (with their
 * counters) in the same transaction; from then on the visibility rules keep the two apart.
 * Blocking or muting again is a no-op; undoing what is not there is a 404.
 */
public final class Blocks {
    private final Jdbi jdbi;
    private final Clock clock;

    public Blocks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Message block(long viewerUserId, long userId) {
        checkTarget(viewerUserId, userId, "block");
        return Transactions.inTransaction(jdbi, h -> {
            // Lock both profiles, lower id first, as a follow toggle does: no follow can slip in.
            ProfileDao profiles = h.attach(ProfileDao.class);
            profiles.lock(Math.min(viewerUserId, userId)).orElseThrow(Blocks::userNotFound);
            profiles.lock(Math.max(viewerUserId, userId)).orElseThrow(Blocks::userNotFound);
            BlockDao dao = h.attach(BlockDao.class);
            if (!dao.blocks(viewerUserId, userId)) {
                dao.insertBlock(viewerUserId, userId, now());
            }
            unfollow(h, viewerUserId, userId);
            unfollow(h, userId, viewerUserId);
            return new Message("User with id " + userId + " blocked");
        });
    }

    public Message unblock(long viewerUserId, long userId) {
        return jdbi.inTransaction(h -> {
            if (h.attach(BlockDao.class).deleteBlock(viewerUserId, userId) == 0) {
                throw ApiException.notFound("You do not block this user.");
            }
            return new Message("User with id " + userId + " unblocked");
        });
    }

    public Message mute(long viewerUserId, long userId) {
        checkTarget(viewerUserId, userId, "mute");
        return Transactions.inTransaction(jdbi, h -> {
            h.attach(ProfileDao.class).lock(viewerUserId); // one mute at a time per muter: no duplicate insert
            BlockDao dao = h.attach(BlockDao.class);
            if (!dao.mutes(viewerUserId, userId)) {
                dao.insertMute(viewerUserId, userId, now());
            }
            return new Message("User with id " + userId + " muted");
        });
    }

    public Message unmute(long viewerUserId, long userId) {
        return jdbi.inTransaction(h -> {
            if (h.attach(BlockDao.class).deleteMute(viewerUserId, userId) == 0) {
                throw ApiException.notFound("You do not mute this user.");
            }
            return new Message("User with id " + userId + " unmuted");
        });
    }

    /** The viewer's blocks, newest first, as ProfileBriefs. */
    public List<ProfileBrief> blocked(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> ProfileBriefs.load(h, viewerUserId, ids(pager.apply(
                h.attach(BlockDao.class).blocked(viewerUserId, page.beforeAt(), page.beforeId(), page.fetchSize())))));
    }

    /** The viewer's mutes, newest first, as ProfileBriefs. */
    public List<ProfileBrief> muted(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> ProfileBriefs.load(h, viewerUserId, ids(pager.apply(
                h.attach(BlockDao.class).muted(viewerUserId, page.beforeAt(), page.beforeId(), page.fetchSize())))));
    }

    private void checkTarget(long viewerUserId, long userId, String what) {
        if (viewerUserId == userId) {
            throw ApiException.badRequest("You cannot " + what + " yourself.");
        }
        // Anyone whose profile exists may be blocked, even one who blocks the viewer already.
        if (!jdbi.withExtension(BlockDao.class, d -> d.activeUser(userId))) {
            throw userNotFound();
        }
    }

    private static void unfollow(Handle h, long follower, long followed) {
        FollowDao follows = h.attach(FollowDao.class);
        if (follows.delete(follower, followed) == 1) {
            follows.addFollowers(followed, -1);
            follows.addFollowing(follower, -1);
        }
    }

    private static List<Long> ids(List<ListRow> rows) {
        return rows.stream().map(ListRow::id).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ApiException userNotFound() {
        return ApiException.notFound("User not found.");
    }
}
