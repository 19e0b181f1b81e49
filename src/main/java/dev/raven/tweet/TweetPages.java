package dev.raven.tweet;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.explore.ProfileDiscovery;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.media.MediaLibrary;
import dev.raven.http.PathIds;
import dev.raven.profile.ProfileBrief;
import dev.raven.web.Form;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The home page in the browser: the timeline (HomeTimeline, keyset pages), the compose box
 * (Tweets) and the like / retweet / save buttons (Reactions): the services of the JSON
 * handlers, shown as HTML. htmx requests get the fragment that changed, others the page.
 */
public final class TweetPages {
    private static final int SUGGESTIONS = 5;

    private final Tweets tweets;
    private final Reactions reactions;
    private final HomeTimeline timeline;
    private final TweetLists lists;
    private final ProfileDiscovery discovery;
    private final Paging paging;
    private final Pages pages;
    private final int maxLength;
    private final Handler signedOut;
    private final MediaLibrary media;

    public TweetPages(Tweets tweets, Reactions reactions, HomeTimeline timeline, TweetLists lists,
                      ProfileDiscovery discovery, Paging paging, Pages pages, int maxLength, Handler signedOut,
                      MediaLibrary media) {
        this.media = media;
        this.tweets = tweets;
        this.reactions = reactions;
        this.timeline = timeline;
        this.lists = lists;
        this.discovery = discovery;
        this.paging = paging;
        this.pages = pages;
        this.maxLength = maxLength;
        this.signedOut = signedOut;
    }

    /** GET /: the home timeline for a signed-in person, the welcome page for anyone else. */
    public void home(Context ctx) throws Exception {
        if (AuthGuard.principalIfAny(ctx).isEmpty()) {
            signedOut.handle(ctx);
            return;
        }
        showHome(ctx, 200, Form.empty());
    }

    private void showHome(Context ctx, int status, Form compose) {
        long viewer = viewer(ctx);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<TimelineDao.Entry> pager = new KeysetPage<>(request, HomeTimeline::cursor);
        List<TimelineItem> items = timeline.page(viewer, request, pager);
        Page page = pages.page(ctx, "Home");
        Map<String, Object> params = new HashMap<>(Map.of("items", items, "next", pager.next()));
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "tweet/timeline_items.jte", page, params);
            return;
        }
        List<ProfileBrief> suggestions = items.isEmpty() && request.after() == null
                ? discovery.whoToFollow(viewer, SUGGESTIONS) : List.of();
        params.put("compose", compose);
        params.put("maxLength", maxLength);
        params.put("suggestions", suggestions);
        pages.render(ctx, status, "tweet/home.jte", page, params);
    }

    /** GET /bookmarks: the viewer's saved tweets, newest save first (get_saved_tweets). */
    public void bookmarks(Context ctx) {
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> pager = new KeysetPage<>(request, Paging.Cursor::of);
        List<TimelineItem> items = lists.saved(viewer(ctx), request, pager).stream()
                .map(t -> new TimelineItem(t, null)).toList();
        Page page = pages.page(ctx, "Bookmarks");
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "tweet/timeline_items.jte", page, Map.of("items", items, "next", pager.next(),
                    "morePrefix", "/bookmarks?", "back", "/bookmarks"));
            return;
        }
        pages.render(ctx, 200, "tweet/bookmarks.jte", page, Map.of("items", items, "next", pager.next()));
    }

    /**
     * POST /tweets: the compose box (a form, or multipart with a picture and its alt text).
     * A failure shows the box again with the text kept.
     */
    public void create(Context ctx) {
        String content = ctx.formParam("content") == null ? "" : ctx.formParam("content");
        boolean followersOnly = "on".equals(ctx.formParam("followers_only"));
        String mediaUrl = ctx.formParam("media_url") == null ? "" : ctx.formParam("media_url").strip();
        String alt = ctx.formParam("picture_alt") == null ? "" : ctx.formParam("picture_alt");
        Form form = Form.empty().value("content", content).value("followers_only", followersOnly ? "on" : "")
                .value("media_url", mediaUrl).value("picture_alt", alt);
        Tweet created;
        try {
            String uploaded = media.uploadFromForm(ctx, viewer(ctx), "picture", "picture_alt", paging.origin(ctx));
            if (uploaded != null) {
                mediaUrl = uploaded;
            }
            created = tweets.create(AuthGuard.principal(ctx), new TweetRequests.TweetBody(content, !mediaUrl.isEmpty(),
                    mediaUrl.isEmpty() ? null : mediaUrl, !followersOnly));
        } catch (ApiException e) {
            form.errors(e, Map.of(), "content");
            if (Pages.isHtmx(ctx)) {
                // htmx swaps only 2xx answers: the box comes back with the error and the text.
                pages.render(ctx, 200, "tweet/compose.jte", pages.page(ctx, "Home"),
                        Map.of("compose", form, "maxLength", maxLength));
            } else {
                showHome(ctx, 422, form);
            }
            return;
        }
        if (Pages.isHtmx(ctx)) {
            pages.render(ctx, 200, "tweet/compose_done.jte", pages.page(ctx, "Home"),
                    Map.of("compose", Form.empty(), "maxLength", maxLength, "tweet", created));
            return;
        }
        Pages.seeOther(ctx, "/");
    }

    /** GET /tweets/{id}/likes: who liked the tweet (get_tweet_like_list). */
    public void likers(Context ctx) {
        people(ctx, "likes", "Liked by", (viewer, id, request, pager) -> lists.likers(viewer, id, request, pager));
    }

    /** GET /tweets/{id}/retweets: who retweeted it (retweet_list GET). */
    public void retweeters(Context ctx) {
        people(ctx, "retweets", "Retweeted by",
                (viewer, id, request, pager) -> lists.retweeters(viewer, id, request, pager));
    }

    private interface PeopleList {
        List<ProfileBrief> load(long viewer, long tweetId, Paging.PageRequest request,
                                UnaryOperator<List<ListRow>> pager);
    }

    private void people(Context ctx, String list, String title, PeopleList source) {
        long id = PathIds.id(ctx);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> pager = new KeysetPage<>(request, Paging.Cursor::of);
        List<ProfileBrief> people = source.load(viewer(ctx), id, request, pager);
        pages.render(ctx, 200, "tweet/people_page.jte", pages.page(ctx, title), Map.of("tweetId", id,
                "people", people, "next", pager.next(), "list", list));
    }

    /** GET /tweets/{id}/edit: the author's edit form. */
    public void editPage(Context ctx) {
        Tweet tweet = tweets.get(viewer(ctx), PathIds.id(ctx));
        if (tweet.userId() != viewer(ctx)) {
            throw ApiException.forbidden("Only the author can edit this tweet.");
        }
        showEdit(ctx, 200, tweet, Form.empty().value("content", tweet.content())
                .value("followers_only", tweet.isPublic() ? "" : "on"));
    }

    /** POST /tweets/{id}/edit: the same rules as the API's edit; a failure keeps the text. */
    public void edit(Context ctx) {
        long id = PathIds.id(ctx);
        String content = ctx.formParam("content") == null ? "" : ctx.formParam("content");
        boolean followersOnly = "on".equals(ctx.formParam("followers_only"));
        try {
            tweets.edit(viewer(ctx), id, new TweetRequests.TweetBody(content, null, null, !followersOnly));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            showEdit(ctx, 422, tweets.get(viewer(ctx), id), Form.empty().value("content", content)
                    .value("followers_only", followersOnly ? "on" : "").errors(e, Map.of(), "content"));
            return;
        }
        Pages.seeOther(ctx, "/tweets/" + id);
    }

    private void showEdit(Context ctx, int status, Tweet tweet, Form form) {
        pages.render(ctx, status, "tweet/edit.jte", pages.page(ctx, "Edit tweet"),
                Map.of("tweet", tweet, "form", form, "maxLength", maxLength));
    }

    /** GET /tweets/{id}/delete: "are you sure?" for browsers without JavaScript (htmx asks with a dialog). */
    public void deletePage(Context ctx) {
        Tweet tweet = tweets.get(viewer(ctx), PathIds.id(ctx));
        if (tweet.userId() != viewer(ctx)) {
            throw ApiException.forbidden("Only the author can delete this tweet.");
        }
        pages.confirm(ctx, "Delete tweet", "Delete your tweet \u201c" + tweet.content() + "\u201d? This cannot be undone.",
                "/tweets/" + tweet.tweetId() + "/delete", "/tweets/" + tweet.tweetId());
    }

    /** POST /tweets/{id}/delete: by the author, after the confirmation page or dialog. */
    public void delete(Context ctx) {
        long id = PathIds.id(ctx);
        tweets.delete(viewer(ctx), id);
        if (Pages.isHtmx(ctx)) {
            // The tweet's article is the target: an empty answer removes it.
            pages.render(ctx, 200, "tweet/deleted.jte", pages.page(ctx, "Home"), Map.of());
            return;
        }
        Pages.seeOther(ctx, "/users/" + viewer(ctx));
    }

    /** POST /tweets/{id}/like: like or unlike. */
    public void toggleLike(Context ctx) {
        react(ctx, id -> reactions.toggle(viewer(ctx), id, Reaction.LIKE));
    }

    /** POST /tweets/{id}/save: save or unsave (bookmark). */
    public void toggleSave(Context ctx) {
        react(ctx, id -> reactions.toggle(viewer(ctx), id, Reaction.SAVE));
    }

    /** POST /tweets/{id}/retweet: retweet, or undo one's retweet. */
    public void toggleRetweet(Context ctx) {
        react(ctx, id -> {
            try {
                if (tweets.get(viewer(ctx), id).retweeted()) {
                    reactions.unretweet(viewer(ctx), id);
                } else {
                    reactions.retweet(viewer(ctx), id);
                }
            } catch (ApiException e) {
                // Another tab got there first (409 / 404 "not retweeted"): the state shown next is the truth.
                if (e.status() != 409 && !(e.status() == 404 && e.getMessage().startsWith("You have not"))) {
                    throw e;
                }
            }
        });
    }

    private void react(Context ctx, LongConsumer action) {
        long id = PathIds.id(ctx);
        action.accept(id);
        if (Pages.isHtmx(ctx)) {
            Tweet tweet = tweets.get(viewer(ctx), id);
            pages.render(ctx, 200, "tweet/actions_swap.jte", pages.page(ctx, "Home"),
                    Map.of("tweet", tweet, "back", Pages.back(ctx, "/")));
            return;
        }
        Pages.seeOther(ctx, Pages.back(ctx, "/"));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
