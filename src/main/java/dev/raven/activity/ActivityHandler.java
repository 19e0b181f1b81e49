package dev.raven.activity;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

/**
 * The contract's mixed lists, whose items are a Tweet or {@code {"tweet", "reply"}}:
 * get_liked and get_user_media (tweets section), get_user_tweets_and_replies and
 * get_user_replies (replies section). All take a user id.
 */
public final class ActivityHandler {
    private final ActivityLists lists;
    private final Paging paging;

    public ActivityHandler(ActivityLists lists, Paging paging) {
        this.lists = lists;
        this.paging = paging;
    }

    /** GET get_liked/:user_id/: tweets and replies the user liked, newest like first. */
    public void liked(Context ctx) {
        serve(ctx, ActivityLists.LIKED);
    }

    /** GET get_user_media/:user_id/: the user's tweets and replies with media. */
    public void media(Context ctx) {
        serve(ctx, ActivityLists.MEDIA);
    }

    /** GET get_user_tweets_and_replies/:user_id/. */
    public void tweetsAndReplies(Context ctx) {
        serve(ctx, ActivityLists.TWEETS_AND_REPLIES);
    }

    /** GET get_user_replies/:user_id/: the user's replies only, each with its tweet. */
    public void replies(Context ctx) {
        serve(ctx, ActivityLists.REPLIES);
    }

    private void serve(Context ctx, ActivityLists.PageQuery query) {
        long userId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        long viewer = AuthGuard.principal(ctx).userId();
        ctx.status(200).json(lists.page(query, viewer, userId, page,
                rows -> paging.page(ctx, page, rows, ActivityRow::cursor)));
    }
}
