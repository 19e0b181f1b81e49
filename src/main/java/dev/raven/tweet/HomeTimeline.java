package dev.raven.tweet;

import dev.raven.http.Paging;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * GET tweets_list/: the caller's tweets, tweets of everyone they follow, and tweets those
 * people retweeted (with retweeted_by), each tweet once, newest activity first. Four
 * statements per page, whatever its size; see {@link TimelineDao} for the query plan.
 */
public final class HomeTimeline {
    /** Older than any tweet: the lower bound when every stream has less than a page. */
    private static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");

    private final Jdbi jdbi;

    public HomeTimeline(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<TimelineItem> page(long viewerUserId, Paging.PageRequest page,
                            UnaryOperator<List<TimelineDao.Entry>> pager) {
        return jdbi.withHandle(h -> {
            TimelineDao dao = h.attach(TimelineDao.class);
            TimelineDao.Bounds bounds = dao.bounds(viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize() - 1);
            Instant since = Stream.of(bounds.ownTweets(), bounds.followedTweets(), bounds.followedRetweets())
                    .filter(Objects::nonNull).max(Instant::compareTo).orElse(BEGINNING);
            List<TimelineDao.Entry> entries = pager.apply(
                    dao.page(viewerUserId, since, page.beforeAt(), page.beforeId(), page.fetchSize()));

            List<Tweet> tweets = TweetAccess.hydrate(h, viewerUserId,
                    entries.stream().map(TimelineDao.Entry::tweetId).toList());
            List<Long> retweeterIds = entries.stream().map(TimelineDao.Entry::retweeterId)
                    .filter(Objects::nonNull).distinct().toList();
            Map<Long, TimelineItem.RetweetedBy> retweeters = new HashMap<>();
            if (!retweeterIds.isEmpty()) {
                dao.retweeters(retweeterIds).forEach(r -> retweeters.put(r.userId(), r));
            }

            Map<Long, Tweet> byId = new HashMap<>();
            tweets.forEach(t -> byId.put(t.tweetId(), t));
            List<TimelineItem> items = new ArrayList<>(entries.size());
            for (TimelineDao.Entry e : entries) {
                Tweet tweet = byId.get(e.tweetId());
                if (tweet != null) {
                    items.add(new TimelineItem(tweet, e.retweeterId() == null ? null : retweeters.get(e.retweeterId())));
                }
            }
            return items;
        });
    }

    static Paging.Cursor cursor(TimelineDao.Entry entry) {
        return new Paging.Cursor(entry.activityAt(), entry.tweetId());
    }
}
