package dev.raven.tweet;

import dev.raven.http.Paging;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A reader's whole home timeline, page by page, read the way a request reads it (fanned-out
 * rows where complete) or with the pull query it replaced: the two must be equal. Items as
 * {@code "<tweet id>"} or {@code "<tweet id> by <retweeter id>"}.
 */
public final class TimelineOracle {
    private TimelineOracle() {
    }

    public static List<String> served(Jdbi jdbi, long reader, int pageSize) {
        HomeTimeline timeline = new HomeTimeline(jdbi, Clock.systemUTC(), TimelineCache.disabled());
        return pages(jdbi, pageSize, (dao, page) -> timeline.entries(dao, reader, page));
    }

    public static List<String> pullQuery(Jdbi jdbi, long reader, int pageSize) {
        HomeTimeline timeline = new HomeTimeline(jdbi, Clock.systemUTC(), TimelineCache.disabled());
        return pages(jdbi, pageSize, (dao, page) -> timeline.pullEntries(dao, reader, page));
    }

    private static List<String> pages(Jdbi jdbi, int pageSize,
                                      BiFunction<TimelineDao, Paging.PageRequest, List<TimelineDao.Entry>> read) {
        List<String> all = new ArrayList<>();
        Paging.Cursor after = null;
        while (true) {
            Paging.PageRequest page = new Paging.PageRequest(pageSize, after);
            List<TimelineDao.Entry> rows = jdbi.withHandle(h -> read.apply(new TimelineDao(h), page));
            List<TimelineDao.Entry> onPage = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
            onPage.forEach(e -> all.add(e.tweetId() + (e.retweeterId() == null ? "" : " by " + e.retweeterId())));
            if (rows.size() <= pageSize) {
                return all;
            }
            after = HomeTimeline.cursor(onPage.get(pageSize - 1));
        }
    }
}
