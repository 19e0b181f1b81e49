package dev.raven.tweet;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.http.Bodies;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import io.javalin.http.Context;

import java.util.List;

/**
 * The tweets section of the contract, except its mixed lists (get_liked, get_user_media:
 * {@link dev.raven.activity.ActivityHandler}) and explore ({@link dev.raven.explore.ExploreHandler}).
 */
public final class TweetHandler {
    private final Tweets tweets;
    private final Reactions reactions;
    private final TweetLists lists;
    private final HomeTimeline timeline;
    private final Bodies bodies;
    private final Paging paging;

    public TweetHandler(Tweets tweets, Reactions reactions, TweetLists lists, HomeTimeline timeline, Bodies bodies,
                        Paging paging) {
        this.tweets = tweets;
        this.reactions = reactions;
        this.lists = lists;
        this.timeline = timeline;
        this.bodies = bodies;
        this.paging = paging;
    }

    /** POST tweets_list/. */
    public void create(Context ctx) {
        TweetRequests.TweetBody body = bodies.read(ctx, TweetRequests.TweetBody.class);
        ctx.status(201).json(tweets.create(AuthGuard.principal(ctx), body));
    }

    /** GET tweets_list/: the home timeline. */
    public void homeTimeline(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(timeline.page(viewer(ctx), page,
                rows -> paging.page(ctx, page, rows, HomeTimeline::cursor)));
    }

    /** GET get_tweet/:tweet_id/. */
    public void get(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(200).json(tweets.get(viewer(ctx), tweetId));
    }

    /** GET get_tweets/:user_id/. */
    public void byUser(Context ctx) {
        long userId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(lists.byAuthor(viewer(ctx), userId, page, rows -> pageOf(ctx, page, rows)));
    }

    /** PUT manage_tweet/:tweet_id/. */
    public void edit(Context ctx) {
        long tweetId = PathIds.id(ctx);
        TweetRequests.TweetBody body = bodies.read(ctx, TweetRequests.TweetBody.class);
        ctx.status(202).json(tweets.edit(viewer(ctx), tweetId, body));
    }

    /** DELETE manage_tweet/:tweet_id/. */
    public void delete(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(202).json(tweets.delete(viewer(ctx), tweetId));
    }

    /** PUT saved_tweets_list/:tweet_id/. */
    public void toggleSave(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(202).json(reactions.toggle(viewer(ctx), tweetId, Reaction.SAVE));
    }

    /** GET get_saved_tweets/. */
    public void saved(Context ctx) {
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(lists.saved(viewer(ctx), page, rows -> pageOf(ctx, page, rows)));
    }

    /** PUT liked_tweets_list/:tweet_id/. */
    public void toggleLike(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(202).json(reactions.toggle(viewer(ctx), tweetId, Reaction.LIKE));
    }

    /** GET get_tweet_like_list/:tweet_id/. */
    public void likers(Context ctx) {
        long tweetId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(lists.likers(viewer(ctx), tweetId, page, rows -> pageOf(ctx, page, rows)));
    }

    /** POST retweet_list/:tweet_id/. */
    public void retweet(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(202).json(reactions.retweet(viewer(ctx), tweetId));
    }

    /** DELETE retweet_list/:tweet_id/. */
    public void unretweet(Context ctx) {
        long tweetId = PathIds.id(ctx);
        ctx.status(202).json(reactions.unretweet(viewer(ctx), tweetId));
    }

    /** GET retweet_list/:tweet_id/. */
    public void retweeters(Context ctx) {
        long tweetId = PathIds.id(ctx);
        Paging.PageRequest page = paging.request(ctx);
        ctx.status(200).json(lists.retweeters(viewer(ctx), tweetId, page, rows -> pageOf(ctx, page, rows)));
    }

    private List<ListRow> pageOf(Context ctx, Paging.PageRequest page, List<ListRow> rows) {
        return paging.page(ctx, page, rows, Paging.Cursor::of);
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
