package dev.raven.tag;

import dev.raven.db.ListRow;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.tweet.PostText;
import dev.raven.tweet.Tweet;
import dev.raven.tweet.TweetAccess;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Hashtags: a tag's tweets, and the tags trending over explore.window. Two statements per page. */
public final class Tags {
    /** Trending counts at most this many of the window's newest tag uses. */
    static final int TRENDING_CANDIDATES = 10_000;

    private final Jdbi jdbi;
    private final Duration window;
    private final Clock clock;

    public Tags(Jdbi jdbi, Duration window, Clock clock) {
        this.jdbi = jdbi;
        this.window = window;
        this.clock = clock;
    }

    /** The tag as the path gives it ('#' optional, any case); not a tag: 404, as for a bad id. */
    public static String parse(String typed) {
        String tag = PostText.normalTag(typed);
        if (tag == null) {
            throw ApiException.notFound("No such tag.");
        }
        return tag;
    }

    public List<Tweet> tweets(long viewerUserId, String tag, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            List<ListRow> rows = h.attach(TagDao.class).byTag(tag, viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    public List<TrendingTag> trending(int limit) {
        return jdbi.withExtension(TagDao.class, dao -> dao.trending(clock.instant().minus(window), TRENDING_CANDIDATES,
                limit));
    }
}
