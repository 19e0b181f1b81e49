package dev.raven.activity;

import dev.raven.http.ApiException;
import dev.raven.http.Paging;
import dev.raven.reply.Reply;
import dev.raven.reply.ReplyDao;
import dev.raven.reply.ReplyItem;
import dev.raven.tweet.MixedItem;
import dev.raven.tweet.Tweet;
import dev.raven.tweet.TweetAccess;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The mixed lists of one user: what they posted, replied, liked, and their media. Four
 * statements per page whatever its size: the user check, the page of rows, the Tweets of
 * the page (items and reply parents together), and its Replies.
 */
public final class ActivityLists {
    private final Jdbi jdbi;

    public ActivityLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A query of {@link ActivityDao} for one user and page. */
    @FunctionalInterface
    interface PageQuery {
        List<ActivityRow> run(ActivityDao dao, long userId, long viewerUserId, Paging.PageRequest page);
    }

    static final PageQuery TWEETS_AND_REPLIES = (d, user, viewer, p) ->
            d.tweetsAndReplies(user, viewer, p.beforeAt(), p.beforeKind(), p.beforeId(), p.fetchSize());
    static final PageQuery REPLIES = (d, user, viewer, p) ->
            d.replies(user, viewer, p.beforeAt(), p.beforeKind(), p.beforeId(), p.fetchSize());
    static final PageQuery MEDIA = (d, user, viewer, p) ->
            d.media(user, viewer, p.beforeAt(), p.beforeKind(), p.beforeId(), p.fetchSize());
    static final PageQuery LIKED = (d, user, viewer, p) ->
            d.liked(user, viewer, p.beforeAt(), p.beforeKind(), p.beforeId(), p.fetchSize());

    /** One page of a user's mixed list, as the viewer may see it; a missing user is a 404. */
    List<MixedItem> page(PageQuery query, long viewerUserId, long userId, Paging.PageRequest page,
                         UnaryOperator<List<ActivityRow>> pager) {
        return jdbi.withHandle(h -> {
            ActivityDao dao = h.attach(ActivityDao.class);
            if (!dao.userExists(userId, viewerUserId)) {
                throw ApiException.notFound("User not found.");
            }
            return items(h, viewerUserId, pager.apply(query.run(dao, userId, viewerUserId, page)));
        });
    }

    /** Turns rows into items in their order; a row deleted between the statements is left out. */
    private static List<MixedItem> items(Handle h, long viewerUserId, List<ActivityRow> rows) {
        Map<Long, Tweet> tweets = TweetAccess.byIds(h, viewerUserId,
                rows.stream().map(ActivityRow::tweetId).distinct().toList());
        List<Long> replyIds = rows.stream().filter(ActivityRow::isReply).map(ActivityRow::id).toList();
        Map<Long, Reply> replies = new HashMap<>();
        if (!replyIds.isEmpty()) {
            h.attach(ReplyDao.class).findByIds(replyIds, viewerUserId).forEach(r -> replies.put(r.replyId(), r));
        }
        List<MixedItem> items = new ArrayList<>(rows.size());
        for (ActivityRow row : rows) {
            Tweet tweet = tweets.get(row.tweetId());
            if (tweet == null) {
                continue;
            }
            if (!row.isReply()) {
                items.add(tweet);
            } else if (replies.containsKey(row.id())) {
                items.add(new ReplyItem(tweet, replies.get(row.id())));
            }
        }
        return items;
    }
}
