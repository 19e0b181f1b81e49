package dev.raven.tweet;

import dev.raven.db.ListRow;
import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.profile.ProfileBrief;
import dev.raven.profile.ProfileBriefs;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The tweet lists other than the home timeline. Each reads one page of (id, time) rows
 * with the viewer's visibility rule applied in SQL, cuts it to a page, then loads the
 * page's Tweets or ProfileBriefs: a fixed number of statements whatever the page size.
 * The pager (from the HTTP layer) cuts the fetched rows to a page and sets the Link header.
 */
public final class TweetLists {
    private final Jdbi jdbi;

    public TweetLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** get_tweets/:user_id/. */
    public List<Tweet> byAuthor(long viewerUserId, long authorUserId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            TweetDao dao = h.attach(TweetDao.class); // once: attaching builds a handler for each of its methods
            requireUser(dao, authorUserId, viewerUserId);
            List<ListRow> rows = dao.byAuthor(authorUserId, viewerUserId, page.beforeAt(),
                    page.beforeId(), page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    /** get_saved_tweets/: the viewer's own saves. */
    List<Tweet> saved(long viewerUserId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            List<ListRow> rows = h.attach(TweetDao.class).savedBy(viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize());
            return TweetAccess.hydrate(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    /** get_tweet_like_list/:tweet_id/. */
    List<ProfileBrief> likers(long viewerUserId, long tweetId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            TweetAccess.requireVisible(h, tweetId, viewerUserId);
            List<ListRow> rows = h.attach(TweetDao.class).likers(tweetId, viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize());
            return ProfileBriefs.load(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    /** retweet_list/:tweet_id/ GET. */
    List<ProfileBrief> retweeters(long viewerUserId, long tweetId, Paging.PageRequest page, UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            TweetAccess.requireVisible(h, tweetId, viewerUserId);
            List<ListRow> rows = h.attach(TweetDao.class).retweeters(tweetId, viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize());
            return ProfileBriefs.load(h, viewerUserId, TweetAccess.ids(pager.apply(rows)));
        });
    }

    private static void requireUser(TweetDao dao, long userId, long viewerUserId) {
        if (!dao.userExists(userId, viewerUserId)) {
            throw ApiException.notFound("User not found.");
        }
    }
}
