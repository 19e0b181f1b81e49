package dev.raven.block;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import dev.raven.profile.Profile;
import dev.raven.profile.ProfileBrief;
import dev.raven.profile.Profiles;
import dev.raven.web.KeysetPage;
import dev.raven.web.PageNotFound;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** Block and mute buttons on profiles, and Settings › Blocked and muted accounts (with undo). */
public final class BlockPages {
    private final Blocks blocks;
    private final Profiles profiles;
    private final Paging paging;
    private final Pages pages;

    public BlockPages(Blocks blocks, Profiles profiles, Paging paging, Pages pages) {
        this.blocks = blocks;
        this.profiles = profiles;
        this.paging = paging;
        this.pages = pages;
    }

    /** POST /users/{id}/block: blocks, or unblocks if blocked. */
    public void toggleBlock(Context ctx) {
        long viewer = viewer(ctx);
        long userId = PathIds.id(ctx);
        if (find(viewer, userId).blocking()) {
            blocks.unblock(viewer, userId);
        } else {
            blocks.block(viewer, userId);
        }
        Pages.seeOther(ctx, Pages.back(ctx, "/users/" + userId));
    }

    /** POST /users/{id}/mute: mutes, or unmutes if muted. */
    public void toggleMute(Context ctx) {
        long viewer = viewer(ctx);
        long userId = PathIds.id(ctx);
        if (find(viewer, userId).muting()) {
            blocks.unmute(viewer, userId);
        } else {
            blocks.mute(viewer, userId);
        }
        Pages.seeOther(ctx, Pages.back(ctx, "/users/" + userId));
    }

    /** GET /settings/blocked: one's blocks and mutes, newest first, each with its undo button. */
    public void blockedPage(Context ctx) {
        long viewer = viewer(ctx);
        Paging.PageRequest blockRequest = new Paging.PageRequest(KeysetPage.SIZE,
                paging.request(ctx).after());
        KeysetPage<ListRow> blockPager = new KeysetPage<>(blockRequest, Paging.Cursor::of);
        List<ProfileBrief> blocked = blocks.blocked(viewer, blockRequest, blockPager);
        Paging.PageRequest muteRequest = new Paging.PageRequest(KeysetPage.SIZE, null);
        KeysetPage<ListRow> mutePager = new KeysetPage<>(muteRequest, Paging.Cursor::of);
        List<ProfileBrief> muted = blocks.muted(viewer, muteRequest, mutePager);
        pages.render(ctx, 200, "block/blocked.jte", pages.page(ctx, "Blocked and muted accounts"),
                Map.of("blocked", blocked, "muted", muted, "next", blockPager.next(), "moreMuted", !mutePager.next().isEmpty()));
    }

    private Profile find(long viewer, long userId) {
        return PageNotFound.unlessMissing(() -> profiles.viewByUserId(viewer, userId));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
