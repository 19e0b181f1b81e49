package dev.raven.reply;

import dev.raven.block.Relations;
import dev.raven.db.ListRow;
import dev.raven.db.Transactions;
import dev.raven.http.Message;
import dev.raven.http.Paging;
import dev.raven.notify.Kind;
import dev.raven.notify.Notice;
import dev.raven.notify.Notifications;
import dev.raven.profile.ProfileBrief;
import dev.raven.profile.ProfileBriefs;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Liking replies. A toggle locks the reply's tweet, then the reply, so concurrent toggles
 * run one after another: the row and both counters (the reply's, the liker's) always move
 * together, and the primary key makes a duplicate impossible even if they did not.
 */
public final class ReplyLikes {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Notifications notifications;

    public ReplyLikes(Jdbi jdbi, Clock clock, Notifications notifications) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.notifications = notifications;
    }

    /** PUT liked_replies_list/:reply_id/: likes if not liked, unlikes if liked. */
    Message toggle(long viewerUserId, long replyId) {
        return Transactions.inTransaction(jdbi, h -> {
            ReplyDao.ReplyRef reply = ReplyAccess.lockVisible(h, replyId, viewerUserId);
            ReplyDao dao = h.attach(ReplyDao.class);
            boolean removed = dao.deleteLike(replyId, viewerUserId) == 1;
            if (!removed) {
                Relations.requireNoBlock(h, viewerUserId, reply.userId());
                dao.insertLike(replyId, viewerUserId, clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
            int delta = removed ? -1 : 1;
            dao.countLikesOf(replyId, delta);
            dao.countLikesBy(viewerUserId, delta);
            if (removed) {
                notifications.withdrawOnReply(h, Kind.REPLY_LIKE, viewerUserId, reply.userId(), replyId);
            } else {
                notifications.notify(h, Notice.onReply(Kind.REPLY_LIKE, viewerUserId, reply.userId(), reply.tweetId(),
                        replyId));
            }
            return new Message("Reply with id " + replyId + (removed ? " removed from" : " added to")
                    + " liked replies");
        });
    }

    /** GET get_reply_like_list/:reply_id/: who liked it, newest like first. */
    List<ProfileBrief> likers(long viewerUserId, long replyId, Paging.PageRequest page,
                              UnaryOperator<List<ListRow>> pager) {
        return jdbi.withHandle(h -> {
            ReplyAccess.requireVisible(h, replyId, viewerUserId);
            List<ListRow> rows = h.attach(ReplyDao.class).likers(replyId, viewerUserId, page.beforeAt(), page.beforeId(),
                    page.fetchSize());
            return ProfileBriefs.load(h, viewerUserId, pager.apply(rows).stream().map(ListRow::id).toList());
        });
    }
}
