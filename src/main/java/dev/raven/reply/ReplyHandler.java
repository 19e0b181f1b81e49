package dev.raven.reply;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

/**
 * The replies section of the contract, except its two user lists (get_user_replies,
 * get_user_tweets_and_replies), which are mixed lists: see {@link dev.raven.activity.ActivityHandler}.
 */
public final class ReplyHandler {
    private final Replies replies;
    private final ReplyLikes likes;
    private final Bodies bodies;
    private final Paging paging;

    public ReplyHandler(Replies replies, ReplyLikes likes, Bodies bodies, Paging paging) {
        this.replies = replies;
        this.likes = likes;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** POST replies_list/:tweet_id/. */
    public void create(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ReplyRequests.ReplyBody body = bodies.read(ctx, ReplyRequests.ReplyBody.class);
        ctx.status(202).json(replies.create(viewer(ctx), tweetId, body));
    }

    /** GET replies_list/:tweet_id/. */
    public void ofTweet(Context ctx) {
        long tweetId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(replies.ofTweet(viewer(ctx), tweetId, page,
                rows -> paging.page(ctx, page, rows, r -> new Paging.Cursor(r.createdAt(), r.replyId()))));
    }

    /** DELETE delete/:reply_id/. */
    public void delete(Context ctx) {
        long replyId = PathIds.id(ctx);
        ctx.status(202).json(replies.delete(viewer(ctx), replyId));
    }

    /** PUT liked_replies_list/:reply_id/. */
    public void toggleLike(Context ctx) {
        long replyId = PathIds.id(ctx);
        ctx.status(202).json(likes.toggle(viewer(ctx), replyId));
    }

    /** GET get_reply_like_list/:reply_id/. */
    public void likers(Context ctx) {
        long replyId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(likes.likers(viewer(ctx), replyId, page,
                rows -> paging.page(ctx, page, rows, Paging.Cursor::of)));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
