package dev.raven.activity;

import dev.raven.auth.AuthGuard;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import dev.raven.profile.Profile;
import dev.raven.profile.Profiles;
import dev.raven.tweet.MixedItem;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.PageNotFound;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The profile page's other tabs: tweets & replies, media, likes (the API's mixed lists). */
public final class ActivityPages {
    private final ActivityLists lists;
    private final Profiles profiles;
    private final Paging paging;
    private final Pages pages;

    public ActivityPages(ActivityLists lists, Profiles profiles, Paging paging, Pages pages) {
        this.lists = lists;
        this.profiles = profiles;
        this.paging = paging;
        this.pages = pages;
    }

    /** GET /users/{id}/with_replies. */
    public void tweetsAndReplies(Context ctx) {
        show(ctx, "with_replies", "Tweets & replies", ActivityLists.TWEETS_AND_REPLIES);
    }

    /** GET /users/{id}/media. */
    public void media(Context ctx) {
        show(ctx, "media", "Media", ActivityLists.MEDIA);
    }

    /** GET /users/{id}/likes. */
    public void likes(Context ctx) {
        show(ctx, "likes", "Likes", ActivityLists.LIKED);
    }

    private void show(Context ctx, String tab, String title, ActivityLists.PageQuery query) {
        long viewer = AuthGuard.principal(ctx).userId();
        long userId = PathIds.id(ctx);
        Profile profile = PageNotFound.unlessMissing(() -> profiles.viewByUserId(viewer, userId));
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ActivityRow> pager = new KeysetPage<>(request, ActivityRow::cursor);
        List<MixedItem> items = lists.page(query, viewer, userId, request, pager);
        Page page = pages.page(ctx, title + " of " + (profile.alias().isEmpty() ? profile.username() : profile.alias()));
        Map<String, Object> params = new HashMap<>(Map.of("profile", profile, "tab", tab, "items", items,
                "next", pager.next()));
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "profile/activity_items.jte", page, params);
            return;
        }
        params.put("own", userId == viewer);
        pages.render(ctx, 200, "profile/activity.jte", page, params);
    }
}
