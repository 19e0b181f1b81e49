package dev.raven.block;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

/** Blocks and mutes: /api/profiles/block/:user_id/, mute/:user_id/, blocks/, mutes/. */
public final class BlockHandler {
    private final Blocks blocks;
    private final Paging paging;

    public BlockHandler(Blocks blocks, Paging paging) {
        this.blocks = blocks;
        this.paging = paging;
    }

    /** POST block/:user_id/. */
    public void block(Context ctx) {
        long userId = PathIds.id(ctx);
        ctx.status(202).json(blocks.block(viewer(ctx), userId));
    }

    /** DELETE block/:user_id/. */
    public void unblock(Context ctx) {
        long userId = PathIds.id(ctx);
        ctx.status(202).json(blocks.unblock(viewer(ctx), userId));
    }

    /** POST mute/:user_id/. */
    public void mute(Context ctx) {
        long userId = PathIds.id(ctx);
        ctx.status(202).json(blocks.mute(viewer(ctx), userId));
    }

    /** DELETE mute/:user_id/. */
    public void unmute(Context ctx) {
        long userId = PathIds.id(ctx);
        ctx.status(202).json(blocks.unmute(viewer(ctx), userId));
    }

    /** GET blocks/: the caller's blocks, newest first. */
    public void blocked(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(blocks.blocked(viewer(ctx), page, rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    /** GET mutes/: the caller's mutes, newest first. */
    public void muted(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(blocks.muted(viewer(ctx), page, rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
