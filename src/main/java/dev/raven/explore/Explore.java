package dev.raven.explore;

import dev.raven.db.ListRow;
import dev.raven.http.Paging;
import dev.raven.tweet.Tweet;
import dev.raven.tweet.TweetAccess;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The explore lists: tweets of the last explore.window by people the viewer does not
 * follow. Two statements per page whatever its size: the page of ids, then its Tweets.
 * The ranked lists rank the window's newest {@value #RANKED_CANDIDATES} candidates, so
 * their cost has a ceiling however busy the window was.
 */
public final class Explore {
    /** The ranked lists score at most this many of the window's newest candidates. */
    static final int RANKED_CANDIDATES = 10_000;

    private final Jdbi jdbi;
    private final Duration window;
    private final Clock clock;

    public Explore(Jdbi jdbi, Duration window, Clock clock) {
        this.jdbi = jdbi;
        this.window = window;
        this.clock = clock;
    }

    /** get_top: by likes + retweets + replies + saves. */
    List<Tweet> top(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ExploreDao.RankedRow>> pager) {
        return jdbi.withHandle(h -> {
            List<ExploreDao.RankedRow> rows = h.attach(ExploreDao.class).top(viewerUserId, since(),
                    RANKED_CANDIDATES, page.beforeScore(), page.beforeId(), page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, ids(pager.apply(rows)));
        });
    }

    /** get_explore_media: candidates with media, by likes + retweets + saves. */
    List<Tweet> media(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ExploreDao.RankedRow>> pager) {
        return jdbi.withHandle(h -> {
            List<ExploreDao.RankedRow> rows = h.attach(ExploreDao.class).media(viewerUserId, since(),
                    RANKED_CANDIDATES, page.beforeScore(), page.beforeId(), page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, ids(pager.apply(rows)));
        });
    }

    /** get_latest: newest first. */
    List<Tweet> latest(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            List<ListRow> rows = h.attach(ExploreDao.class).latest(viewerUserId, since(), page.beforeAt(),
                    page.beforeId(), page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    private static List<Long> ids(List<ExploreDao.RankedRow> rows) {
        return rows.stream().map(ExploreDao.RankedRow::id).toList();
    }

    private Instant since() {
        return clock.instant().minus(window);
    }
}
