package dev.raven.profile;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

/**
 * The profiles section of the contract, except discovery (most_popular, who_to_follow,
 * search: {@link dev.raven.explore.ExploreHandler}).
 */
public final class ProfileHandler {
    private final Profiles profiles;
    private final Bodies bodies;
    private final Paging paging;

    public ProfileHandler(Profiles profiles, Bodies bodies, Paging paging) {
        this.profiles = profiles;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** GET view_profile/:user_id/. */
    public void view(Context ctx) {
        long userId = PathIds.id(ctx);
        ctx.status(202).json(profiles.viewByUserId(viewer(ctx), userId));
    }

    /** PUT edit/: the caller's own profile only. */
    public void edit(Context ctx) {
        ProfileRequests.Edit req = bodies.read(ctx, ProfileRequests.Edit.class);
        ctx.status(202).json(profiles.edit(viewer(ctx), req));
    }

    /** PUT follow_status/:profile_id/: toggles following. */
    public void toggleFollow(Context ctx) {
        long profileId = PathIds.id(ctx);
        ctx.status(202).json(profiles.toggleFollow(viewer(ctx), profileId));
    }

    /** GET get_followers/:profile_id/. */
    public void followers(Context ctx) {
        long profileId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(profiles.followers(viewer(ctx), profileId, page,
                rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    /** GET get_following/:profile_id/. */
    public void following(Context ctx) {
        long profileId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(profiles.following(viewer(ctx), profileId, page,
                rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
