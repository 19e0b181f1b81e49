package dev.raven.tweet;

import dev.raven.http.Paging;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader's whole home timeline, page by page, read with the pull query alone (no cache):
 * what every page served from memory must equal. Items as {@code "<tweet id>"} or
 * {@code "<tweet id> by <retweeter id>"}.
 */
public final class TimelineOracle {
    private TimelineOracle() {
    }

    public static List<String> pullQuery(Jdbi jdbi, long reader, int pageSize) {
        HomeTimeline timeline = new HomeTimeline(jdbi, Clock.systemUTC(), TimelineCache.disabled());
        List<String> all = new ArrayList<>();
        Paging.Cursor after = null;
        while (true) {
            Paging.PageRequest page = new Paging.PageRequest(pageSize, after);
            List<TimelineDao.Entry> rows = jdbi.withExtension(TimelineDao.class, dao -> timeline.entries(dao, reader, page));
            List<TimelineDao.Entry> onPage = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
            onPage.forEach(e -> all.add(e.tweetId() + (e.retweeterId() == null ? "" : " by " + e.retweeterId())));
            if (rows.size() <= pageSize) {
                return all;
            }
            after = HomeTimeline.cursor(onPage.get(pageSize - 1));
        }
    }
}
