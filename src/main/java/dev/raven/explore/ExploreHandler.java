package dev.raven.explore;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import io.javalin.http.Context;

/**
 * Discovery: the explore routes of the tweets section (get_top, get_latest,
 * get_explore_media) and of the profiles section (most_popular, who_to_follow, search).
 */
public final class ExploreHandler {
    /** most_popular is the contract's "top 10"; who_to_follow answers as many by default. */
    static final int SUGGESTIONS_DEFAULT = 10;

    private final Explore explore;
    private final ProfileDiscovery discovery;
    private final Bodies bodies;
    private final Paging paging;

    public ExploreHandler(Explore explore, ProfileDiscovery discovery, Bodies bodies, Paging paging) {
        this.explore = explore;
        this.discovery = discovery;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** GET tweets/get_top/. */
    public void top(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(explore.top(viewer(ctx), page, rows -> paging.page(ctx, page, rows,
                r -> Paging.Cursor.ranked(r.score(), r.id()))));
    }

    /** GET tweets/get_latest/. */
    public void latest(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(explore.latest(viewer(ctx), page, rows -> paging.page(ctx, page, rows,
                Paging.Cursor::of)));
    }

    /** GET tweets/get_explore_media/. */
    public void media(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(explore.media(viewer(ctx), page, rows -> paging.page(ctx, page, rows,
                r -> Paging.Cursor.ranked(r.score(), r.id()))));
    }

    /** GET profiles/most_popular/. */
    public void mostPopular(Context ctx) {
        int limit = paging.limit(ctx, SUGGESTIONS_DEFAULT);
        ctx.status(200).json(discovery.mostPopular(viewer(ctx), limit));
    }

    /** GET profiles/who_to_follow/. */
    public void whoToFollow(Context ctx) {
        int limit = paging.limit(ctx, SUGGESTIONS_DEFAULT);
        ctx.status(200).json(discovery.whoToFollow(viewer(ctx), limit));
    }

    /** POST profiles/search/ {search_input}. */
    public void search(Context ctx) {
        int limit = paging.limit(ctx, Paging.DEFAULT_LIMIT);
        SearchRequest body = bodies.read(ctx, SearchRequest.class);
        ctx.status(200).json(discovery.search(viewer(ctx), SearchTerm.parse(body.searchInput()), limit));
    }

    /** The body of POST search/. */
    record SearchRequest(String searchInput) {
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
