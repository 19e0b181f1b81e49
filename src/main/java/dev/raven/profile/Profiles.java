package dev.raven.profile;

import dev.raven.block.Relations;
import dev.raven.db.ListRow;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.media.MediaLibrary;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** The profiles section: view, edit, follow toggling and the follower lists. */
public final class Profiles {
    private final Jdbi jdbi;
    private final MediaLibrary media;
    private final Clock clock;
    private final dev.raven.notify.Notifications notifications;

    public Profiles(Jdbi jdbi, MediaLibrary media, Clock clock, dev.raven.notify.Notifications notifications) {
        this.notifications = notifications;
        this.jdbi = jdbi;
        this.media = media;
        this.clock = clock;
    }

    /** view_profile takes a user id. */
    public Profile viewByUserId(long viewerUserId, long userId) {
        return jdbi.withExtension(ProfileDao.class, d -> d.findByUserId(userId, viewerUserId))
                .orElseThrow(Profiles::profileNotFound);
    }

    /** The settings page's profile form: the same edit, every field given. */
    public Profile editFields(long viewerUserId, String alias, String bio, String imageUrl, String backgroundImageUrl) {
        return edit(viewerUserId, new ProfileRequests.Edit(alias, bio, imageUrl, backgroundImageUrl));
    }

    /** Partial edit of the caller's own profile; the rules are registration's. */
    Profile edit(long viewerUserId, ProfileRequests.Edit req) {
        FieldErrors errors = new FieldErrors();
        ProfileFields.checkAlias(req.alias(), errors, "alias");
        ProfileFields.checkBio(req.bio(), errors, "bio");
        ProfileFields.checkUrl(req.imageUrl(), errors, "image_url");
        ProfileFields.checkUrl(req.backgroundImageUrl(), errors, "background_image_url");
        errors.throwIfAny();
        return Transactions.inTransaction(jdbi, h -> {
            ProfileDao dao = h.attach(ProfileDao.class);
            dao.lock(viewerUserId); // concurrent partial edits of different fields must not undo each other
            Profile current = dao.findByUserId(viewerUserId, viewerUserId).orElseThrow(Profiles::profileNotFound);
            // A changed picture URL must be this instance's own picture when external URLs are off
            // (MediaLibrary.use); an unchanged one stays, even if it was set before the switch.
            if (req.imageUrl() != null) {
                media.use(h, viewerUserId, MediaLibrary.Use.avatar(viewerUserId), emptyToNull(req.imageUrl()),
                        current.imageUrl(), "image_url");
            }
            if (req.backgroundImageUrl() != null) {
                media.use(h, viewerUserId, MediaLibrary.Use.banner(viewerUserId), emptyToNull(req.backgroundImageUrl()),
                        current.backgroundImageUrl(), "background_image_url");
            }
            dao.updateEditable(viewerUserId,
                    Objects.requireNonNullElse(req.alias(), current.alias()),
                    Objects.requireNonNullElse(req.bio(), current.bio()),
                    req.imageUrl() == null ? current.imageUrl() : emptyToNull(req.imageUrl()),
                    req.backgroundImageUrl() == null ? current.backgroundImageUrl()
                            : emptyToNull(req.backgroundImageUrl()));
            return dao.findByUserId(viewerUserId, viewerUserId).orElseThrow();
        });
    }

    /**
     * Follows or unfollows the profile. Both profiles are row-locked, lower user id first,
     * so concurrent toggles of one pair run one after the other (and never deadlock), and
     * the row and both counters change together.
     */
    Message toggleFollow(long viewerUserId, long profileId) {
        return Transactions.inTransaction(jdbi, h -> {
            ProfileDao profiles = h.attach(ProfileDao.class);
            long targetUserId = profiles.seenUserIdOf(profileId, viewerUserId)
                    .or(() -> profiles.userIdOf(profileId).filter(id -> Relations.eitherBlocks(h, viewerUserId, id)))
                    .orElseThrow(Profiles::profileNotFound);
            if (targetUserId == viewerUserId) {
                throw ApiException.badRequest("You cannot follow yourself.");
            }
            profiles.lock(Math.min(viewerUserId, targetUserId)).orElseThrow(Profiles::profileNotFound);
            profiles.lock(Math.max(viewerUserId, targetUserId)).orElseThrow(Profiles::profileNotFound);
            FollowDao follows = h.attach(FollowDao.class);
            boolean removed = follows.delete(viewerUserId, targetUserId) == 1;
            if (!removed) {
                Relations.requireNoBlock(h, viewerUserId, targetUserId);
                follows.insert(viewerUserId, targetUserId, now());
                FanOut.followed(h, viewerUserId, targetUserId);
            } else {
                FanOut.unfollowed(h, viewerUserId, targetUserId);
            }
            int delta = removed ? -1 : 1;
            follows.addFollowers(targetUserId, delta);
            follows.addFollowing(viewerUserId, delta);
            if (removed) {
                notifications.withdrawFollow(h, viewerUserId, targetUserId);
            } else {
                notifications.notify(h, dev.raven.notify.Notice.follow(viewerUserId, targetUserId));
            }
            return new Message("Profile with id " + profileId + (removed ? " removed from" : " added to")
                    + " following");
        });
    }

    List<ProfileBrief> followers(long viewerUserId, long profileId, Paging.PageRequest page,
                                 UnaryOperator<List<ListRow>> toPage) {
        return jdbi.withHandle(h -> {
            long userId = existingUser(h, profileId, viewerUserId);
            List<ListRow> rows = h.attach(FollowDao.class)
                    .followers(userId, viewerUserId, page.beforeAt(), page.beforeId(), page.fetchSize());
            return ProfileBriefs.load(h, viewerUserId, ids(toPage.apply(rows)));
        });
    }

    List<ProfileBrief> following(long viewerUserId, long profileId, Paging.PageRequest page,
                                 UnaryOperator<List<ListRow>> toPage) {
        return jdbi.withHandle(h -> {
            long userId = existingUser(h, profileId, viewerUserId);
            List<ListRow> rows = h.attach(FollowDao.class)
                    .following(userId, viewerUserId, page.beforeAt(), page.beforeId(), page.fetchSize());
            return ProfileBriefs.load(h, viewerUserId, ids(toPage.apply(rows)));
        });
    }

    private static long existingUser(Handle h, long profileId, long viewerUserId) {
        return h.attach(ProfileDao.class).seenUserIdOf(profileId, viewerUserId).orElseThrow(Profiles::profileNotFound);
    }

    static List<Long> ids(List<ListRow> rows) {
        return rows.stream().map(ListRow::id).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static ApiException profileNotFound() {
        return ApiException.notFound("Profile not found.");
    }
}
