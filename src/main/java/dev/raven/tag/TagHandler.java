package dev.raven.tag;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Paging;
import io.javalin.http.Context;

/** GET /api/tags/:tag/ and GET /api/tweets/get_trending_tags/. */
public final class TagHandler {
    static final int TRENDING_DEFAULT = 10;

    private final Tags tags;
    private final Paging paging;

    public TagHandler(Tags tags, Paging paging) {
        this.tags = tags;
        this.paging = paging;
    }

    public void tweets(Context ctx) {
        String tag = Tags.parse(ctx.pathParam("tag"));
        Paging.PageRequest page = paging.request(ctx);
        long viewer = AuthGuard.principal(ctx).userId();
        ctx.status(200).json(tags.tweets(viewer, tag, page, rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    public void trending(Context ctx) {
        ctx.status(200).json(tags.trending(paging.limit(ctx, TRENDING_DEFAULT)));
    }
}
