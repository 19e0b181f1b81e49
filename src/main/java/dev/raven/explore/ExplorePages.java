package dev.raven.explore;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.profile.ProfileBrief;
import dev.raven.tweet.TimelineItem;
import dev.raven.tweet.Tweet;
import dev.raven.web.Form;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Explore (top, latest, media; who to follow, most popular) and people search in the browser. */
public final class ExplorePages {
    private static final int PEOPLE = 5;
    private static final int SEARCH_RESULTS = 30;
    private static final List<String> TABS = List.of("top", "latest", "media");

    private final Explore explore;
    private final ProfileDiscovery discovery;
    private final Paging paging;
    private final Pages pages;

    public ExplorePages(Explore explore, ProfileDiscovery discovery, Paging paging, Pages pages) {
        this.explore = explore;
        this.discovery = discovery;
        this.paging = paging;
        this.pages = pages;
    }

    /** GET /explore?tab=top|latest|media. */
    public void explore(Context ctx) {
        long viewer = viewer(ctx);
        String asked = ctx.queryParam("tab");
        String tab = asked != null && TABS.contains(asked) ? asked : "top";
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> byTime = new KeysetPage<>(request, Paging.Cursor::of);
        KeysetPage<ExploreDao.RankedRow> byScore = new KeysetPage<>(request,
                r -> Paging.Cursor.ranked(r.score(), r.id()));
        List<Tweet> tweets = switch (tab) {
            case "latest" -> explore.latest(viewer, request, byTime);
            case "media" -> explore.media(viewer, request, byScore);
            default -> explore.top(viewer, request, byScore);
        };
        String next = tab.equals("latest") ? byTime.next() : byScore.next();
        List<TimelineItem> items = tweets.stream().map(t -> new TimelineItem(t, null)).toList();
        Page page = pages.page(ctx, "Explore");
        // The tab rides along in the next link: the cursor belongs to that list.
        Map<String, Object> params = new HashMap<>(Map.of("items", items, "next", next,
                "morePrefix", "/explore?tab=" + tab + "&", "back", "/explore?tab=" + tab));
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "tweet/timeline_items.jte", page, params);
            return;
        }
        params.put("tab", tab);
        params.put("whoToFollow", discovery.whoToFollow(viewer, PEOPLE));
        params.put("mostPopular", discovery.mostPopular(viewer, PEOPLE));
        pages.render(ctx, 200, "explore/explore.jte", page, params);
    }

    /** GET /search?q=: people by name or @username. */
    public void search(Context ctx) {
        String q = ctx.queryParam("q");
        Form form = Form.empty().value("q", q == null ? "" : q);
        List<ProfileBrief> results = List.of();
        int status = 200;
        if (q != null) {
            try {
                results = discovery.search(viewer(ctx), SearchTerm.parse(q), SEARCH_RESULTS);
            } catch (ApiException e) {
                form.errors(e, Map.of("search_input", "q"), "q");
                status = 422;
            }
        }
        pages.render(ctx, status, "explore/search.jte", pages.page(ctx, "Search"),
                Map.of("form", form, "searched", q != null && !form.hasErrors(), "results", results));
    }

    private static long viewer(Context ctx) {
        return AuthGuard.principal(ctx).userId();
    }
}
