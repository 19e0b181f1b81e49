package dev.raven.reply;

import dev.raven.auth.AuthGuard;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.media.MediaLibrary;
import dev.raven.http.PathIds;
import dev.raven.tweet.Tweet;
import dev.raven.tweet.Tweets;
import dev.raven.web.Form;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tweet page in the browser: the tweet, its replies (newest first, as the API lists
 * them, in keyset pages) and a reply box. Visibility is the API's: a tweet one may not
 * see is a 404 page, and so are its replies.
 */
public final class ReplyPages {
    private final Tweets tweets;
    private final Replies replies;
    private final ReplyLikes likes;
    private final Paging paging;
    private final Pages pages;
    private final int maxLength;
    private final MediaLibrary media;

    public ReplyPages(Tweets tweets, Replies replies, ReplyLikes likes, Paging paging, Pages pages, int maxLength,
                      MediaLibrary media) {
        this.media = media;
        this.tweets = tweets;
        this.replies = replies;
        this.likes = likes;
        this.paging = paging;
        this.pages = pages;
        this.maxLength = maxLength;
    }

    /** GET /tweets/{id}. */
    public void tweetPage(Context ctx) {
        show(ctx, 200, PathIds.id(ctx), Form.empty());
    }

    private void show(Context ctx, int status, long tweetId, Form replyForm) {
        long viewer = viewer(ctx);
        Tweet tweet = tweets.get(viewer, tweetId);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<Reply> pager = new KeysetPage<>(request, r -> new Paging.Cursor(r.createdAt(), r.replyId()));
        List<Reply> items = replies.ofTweet(viewer, tweetId, request, pager);
        Page page = pages.page(ctx, "Tweet by " + tweet.username());
        Map<String, Object> params = new HashMap<>(Map.of("tweet", tweet, "replies", items, "next", pager.next()));
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "reply/replies_items.jte", page, params);
            return;
        }
        params.put("form", replyForm);
        params.put("maxLength", maxLength);
        pages.render(ctx, status, "reply/tweet_page.jte", page, params);
    }

    /** POST /tweets/{id}/replies: the reply box. A failure shows it again with the text kept. */
    public void reply(Context ctx) {
        long tweetId = PathIds.id(ctx);
        String content = ctx.formParam("content") == null ? "" : ctx.formParam("content");
        String mediaUrl = ctx.formParam("media_url") == null ? "" : ctx.formParam("media_url").strip();
        String alt = ctx.formParam("picture_alt") == null ? "" : ctx.formParam("picture_alt");
        Form form = Form.empty().value("content", content).value("media_url", mediaUrl).value("picture_alt", alt);
        Reply created;
        try {
            // The tweet must be visible before anything is stored for it.
            tweets.get(viewer(ctx), tweetId);
            String uploaded = media.uploadFromForm(ctx, viewer(ctx), "picture", "picture_alt", paging.origin(ctx));
            if (uploaded != null) {
                mediaUrl = uploaded;
            }
            created = replies.create(viewer(ctx), tweetId, new ReplyRequests.ReplyBody(content, !mediaUrl.isEmpty(),
                    mediaUrl.isEmpty() ? null : mediaUrl));
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e; // the tweet is gone or hidden: the error page says so
            }
            form.errors(e, Map.of(), "content");
            if (Pages.isHtmx(ctx)) {
                pages.render(ctx, 200, "reply/reply_form.jte", pages.page(ctx, "Reply"),
                        Map.of("tweetId", tweetId, "form", form, "maxLength", maxLength));
            } else {
                show(ctx, 422, tweetId, form);
            }
            return;
        }
        if (Pages.isHtmx(ctx)) {
            pages.render(ctx, 200, "reply/reply_done.jte", pages.page(ctx, "Reply"),
                    Map.of("tweetId", tweetId, "form", Form.empty(), "maxLength", maxLength, "reply", created));
            return;
        }
        Pages.seeOther(ctx, "/tweets/" + tweetId);
    }

    /** POST /replies/{id}/like: like or unlike a reply. */
    public void toggleLike(Context ctx) {
        long replyId = PathIds.id(ctx);
        likes.toggle(viewer(ctx), replyId);
        Reply reply = replies.get(viewer(ctx), replyId);
        if (Pages.isHtmx(ctx)) {
            pages.render(ctx, 200, "reply/reply_swap.jte", pages.page(ctx, "Reply"), Map.of("reply", reply));
            return;
        }
        Pages.seeOther(ctx, "/tweets/" + reply.tweetId());
    }

    /** GET /replies/{id}/delete: "are you sure?" for browsers without JavaScript. */
    public void deletePage(Context ctx) {
        Reply reply = replies.get(viewer(ctx), PathIds.id(ctx));
        if (reply.userId() != viewer(ctx)) {
            throw ApiException.forbidden("Only the author can delete this reply.");
        }
        pages.confirm(ctx, "Delete reply", "Delete your reply \u201c" + reply.content() + "\u201d? This cannot be undone.",
                "/replies/" + reply.replyId() + "/delete", "/tweets/" + reply.tweetId());
    }

    /** POST /replies/{id}/delete: by its author, after the confirmation page or dialog. */
    public void delete(Context ctx) {
        long replyId = PathIds.id(ctx);
        long tweetId = replies.get(viewer(ctx), replyId).tweetId();
        replies.delete(viewer(ctx), replyId);
        if (Pages.isHtmx(ctx)) {
            pages.render(ctx, 200, "reply/reply_deleted.jte", pages.page(ctx, "Reply"), Map.of());
            return;
        }
        Pages.seeOther(ctx, "/tweets/" + tweetId);
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
