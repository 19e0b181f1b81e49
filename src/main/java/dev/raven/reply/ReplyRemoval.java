package dev.raven.reply;

import org.jdbi.v3.core.Handle;

/**
 * Deleting replies, and a user's replies and reply likes, with every counter that counted
 * them corrected in the caller's transaction. The rows themselves go by ON DELETE CASCADE.
 * (Replies that go with a deleted tweet are handled by {@link dev.raven.tweet.TweetRemoval}.)
 */
public final class ReplyRemoval {
    private ReplyRemoval() {
    }

    /** Deletes one reply (its tweet and the reply locked) with its likes. */
    static void removeReply(Handle h, ReplyDao.ReplyRef reply) {
        ReplyDao dao = h.attach(ReplyDao.class);
        dao.uncountLikesOfReply(reply.id());
        dao.countRepliesOf(reply.tweetId(), -1);
        dao.countRepliesBy(reply.userId(), -1);
        dao.delete(reply.id());
    }

    /**
     * A moderator's delete: locks the reply's tweet, then the reply (the usual order), and
     * removes it, whoever wrote it; false if it is gone already.
     */
    public static boolean removeById(Handle h, long replyId) {
        ReplyDao dao = h.attach(ReplyDao.class);
        return dao.find(replyId).flatMap(found -> {
            h.attach(dev.raven.tweet.TweetDao.class).lock(found.tweetId());
            return dao.lock(replyId);
        }).map(reply -> {
            removeReply(h, reply);
            return true;
        }).orElse(false);
    }

    /**
     * Before a user is deleted: corrects the counters that counted their replies and reply
     * likes, and the replies under their tweets (which go with those tweets). Their own
     * profile is deleted with them, so its counters need no care.
     */
    public static void uncountEverythingOf(Handle h, long userId) {
        ReplyRemovalDao dao = h.attach(ReplyRemovalDao.class);
        dao.uncountRepliesBy(userId);
        dao.uncountReplyLikesBy(userId);
        dao.uncountLikesOfGoingReplies(userId);
        dao.uncountRepliesUnderTweetsOf(userId);
    }
}
