package dev.raven.tag;

import dev.raven.auth.AuthGuard;
import dev.raven.db.ListRow;
import dev.raven.http.Paging;
import dev.raven.tweet.TimelineItem;
import dev.raven.web.KeysetPage;
import dev.raven.web.Page;
import dev.raven.web.Pages;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** GET /tags/{tag}: the web page of a hashtag (the tweets GET /api/tags/:tag/ lists). */
public final class TagPages {
    private final Tags tags;
    private final Paging paging;
    private final Pages pages;

    public TagPages(Tags tags, Paging paging, Pages pages) {
        this.tags = tags;
        this.paging = paging;
        this.pages = pages;
    }

    public void tag(Context ctx) {
        String tag = Tags.parse(ctx.pathParam("tag"));
        Paging.PageRequest request = KeysetPage.request(paging, ctx);
        KeysetPage<ListRow> pager = new KeysetPage<>(request, Paging.Cursor::of);
        List<TimelineItem> items = tags.tweets(AuthGuard.principal(ctx).userId(), tag, request, pager).stream()
                .map(t -> new TimelineItem(t, null)).toList();
        String here = "/tags/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
        Page page = pages.page(ctx, "#" + tag);
        if (Pages.isHtmx(ctx) && request.after() != null) {
            pages.render(ctx, 200, "tweet/timeline_items.jte", page, Map.of("items", items, "next", pager.next(),
                    "morePrefix", here + "?", "back", here));
            return;
        }
        pages.render(ctx, 200, "tag/tag.jte", page, Map.of("tag", tag, "here", here, "items", items,
                "next", pager.next()));
    }
}
