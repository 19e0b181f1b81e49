package dev.raven.reply;

import dev.raven.db.Transactions;
import dev.raven.http.FieldErrors;
import dev.raven.media.MediaLibrary;
import dev.raven.http.ApiException;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import dev.raven.block.Relations;
import dev.raven.notify.Kind;
import dev.raven.notify.Notice;
import dev.raven.notify.Notifications;
import dev.raven.tweet.PostLinks;
import dev.raven.tweet.TweetDao;
import dev.raven.tweet.TweetAccess;
import dev.raven.tweet.TweetDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/** Replying to a tweet, reading a tweet's replies, and deleting a reply. */
public final class Replies {
    private final Jdbi jdbi;
    private final ReplyRules rules;
    private final MediaLibrary media;
    private final Clock clock;
    private final Notifications notifications;

    public Replies(Jdbi jdbi, int maxLength, MediaLibrary media, Clock clock, Notifications notifications) {
        this.jdbi = jdbi;
        this.rules = new ReplyRules(maxLength);
        this.media = media;
        this.clock = clock;
        this.notifications = notifications;
    }

    /**
     * POST replies_list/:tweet_id/. The tweet is locked first, so a reply never lands on a
     * tweet being deleted, and its replies_count moves with the row.
     */
    Reply create(long authorUserId, long tweetId, ReplyRequests.ReplyBody body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, authorUserId);
            Relations.requireNoBlock(h, authorUserId, tweet.userId());
            ReplyRules.Draft draft = rules.check(body);
            FieldErrors errors = new FieldErrors();
            media.checkUrl(draft.mediaUrl(), errors, "media_url");
            errors.throwIfAny();
            ReplyDao dao = h.attach(ReplyDao.class);
            long id = dao.insert(tweetId, authorUserId, draft.content(), draft.hasMedia(), draft.mediaUrl(), now);
            dao.countRepliesOf(tweetId, 1);
            dao.countRepliesBy(authorUserId, 1);
            media.use(h, authorUserId, MediaLibrary.Use.reply(id), draft.mediaUrl(), null, "media_url");
            List<Notice> notices = new java.util.ArrayList<>();
            notices.add(Notice.onReply(Kind.REPLY, authorUserId, tweet.userId(), tweetId, id));
            for (long user : PostLinks.storeReply(h, id, draft.content())) {
                if (user != tweet.userId()) { // the tweet's author hears of the reply once
                    notices.add(Notice.onReply(Kind.MENTION, authorUserId, user, tweetId, id));
                }
            }
            notifications.notifyAll(h, notices);
            return dao.findById(id, authorUserId).orElseThrow();
        });
    }

    /** GET replies_list/:tweet_id/: newest first; the tweet must be visible to the viewer. */
    List<Reply> ofTweet(long viewerUserId, long tweetId, Paging.PageRequest page, UnaryOperator<List<Reply>> pager) {
        return jdbi.withHandle(h -> {
            TweetAccess.requireVisible(h, tweetId, viewerUserId);
            return pager.apply(h.attach(ReplyDao.class).byTweet(tweetId, viewerUserId, page.beforeAt(),
                    page.beforeId(), page.fetchSize()));
        });
    }

    /** One reply as the viewer sees it (its tweet must be visible to them), for the web page's in-place updates. */
    Reply get(long viewerUserId, long replyId) {
        return jdbi.withHandle(h -> {
            ReplyAccess.requireVisible(h, replyId, viewerUserId);
            return h.attach(ReplyDao.class).findById(replyId, viewerUserId).orElseThrow(ReplyAccess::replyNotFound);
        });
    }

    /** DELETE delete/:reply_id/: by its author only; its likes go with it. */
    Message delete(long viewerUserId, long replyId) {
        return Transactions.inTransaction(jdbi, h -> {
            ReplyDao.ReplyRef reply = ReplyAccess.lockVisible(h, replyId, viewerUserId);
            if (reply.userId() != viewerUserId) {
                throw ApiException.forbidden("Only the author can delete this reply.");
            }
            media.removeOfReply(h, replyId);
            ReplyRemoval.removeReply(h, reply);
            return new Message("Reply with id " + replyId + " deleted");
        });
    }
}
