package dev.raven.profile;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.http.Paging;
import dev.raven.http.PathIds;
import dev.raven.tweet.TimelineItem;
import dev.raven.tweet.TweetLists;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.PageNotFound;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Profile pages in the browser: header, counts, follow / unfollow, and the person's tweets
 * (what get_tweets shows the viewer, so followers-only tweets only to followers).
 */
public final class ProfilePages {
    private final Profiles profiles;
    private final TweetLists tweetLists;
    private final Paging paging;
    private final Pages pages;

    public ProfilePages(Profiles profiles, TweetLists tweetLists, Paging paging, Pages pages) {
        this.profiles = profiles;
        this.tweetLists = tweetLists;
        this.paging = paging;
        this.pages = pages;
    }

    /** GET /users/{id}: by user id, as view_profile. */
    public void profile(Context ctx) {
        long viewer = viewer(ctx);
        long userId = PathIds.id(ctx);
        Profile profile = find(viewer, userId);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> pager = new KeysetPage<>(request, Paging.Cursor::of);
        List<TimelineItem> items = tweetLists.byAuthor(viewer, userId, request, pager).stream()
                .map(t -> new TimelineItem(t, null)).toList();
        Page page = pages.page(ctx, profile.alias().isEmpty() ? profile.username() : profile.alias());
        Map<String, Object> params = new HashMap<>(Map.of("items", items, "next", pager.next()));
        if (Pages.isHtmx(ctx) && request.after() != null) {
            params.put("morePrefix", "/users/" + userId + "?");
            params.put("back", "/users/" + userId);
            pages.render(ctx, 200, "tweet/timeline_items.jte", page, params);
            return;
        }
        params.put("profile", profile);
        params.put("own", userId == viewer);
        pages.render(ctx, 200, "profile/profile.jte", page, params);
    }

    /** GET /users/{id}/followers. */
    public void followers(Context ctx) {
        people(ctx, "followers", "Followers of ", profiles::followers);
    }

    /** GET /users/{id}/following. */
    public void following(Context ctx) {
        people(ctx, "following", "Followed by ", profiles::following);
    }

    private interface PeopleList {
        List<ProfileBrief> load(long viewer, long profileId, Paging.PageRequest request,
                                UnaryOperator<List<ListRow>> pager);
    }

    private void people(Context ctx, String list, String titlePrefix, PeopleList source) {
        long viewer = viewer(ctx);
        long userId = PathIds.id(ctx);
        Profile profile = find(viewer, userId);
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> pager = new KeysetPage<>(request, Paging.Cursor::of);
        List<ProfileBrief> people = source.load(viewer, profile.id(), request, pager);
        String name = profile.alias().isEmpty() ? profile.username() : profile.alias();
        pages.render(ctx, 200, "profile/people.jte", pages.page(ctx, titlePrefix + name),
                Map.of("profile", profile, "people", people, "next", pager.next(), "list", list));
    }

    /** POST /users/{id}/follow: follow or unfollow. */
    public void toggleFollow(Context ctx) {
        long viewer = viewer(ctx);
        long userId = PathIds.id(ctx);
        Profile before = find(viewer, userId);
        profiles.toggleFollow(viewer, before.id());
        if (Pages.isHtmx(ctx)) {
            pages.render(ctx, 200, "profile/follow_swap.jte", pages.page(ctx, before.username()),
                    Map.of("profile", find(viewer, userId)));
            return;
        }
        Pages.seeOther(ctx, "/users/" + userId);
    }

    private Profile find(long viewer, long userId) {
        return PageNotFound.unlessMissing(() -> profiles.viewByUserId(viewer, userId));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
