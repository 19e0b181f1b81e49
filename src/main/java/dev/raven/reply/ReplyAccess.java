package dev.raven.reply;

import dev.raven.http.ApiException;
import dev.raven.tweet.TweetAccess;
import org.jdbi.v3.core.Handle;

/**
 * A reply is seen by whoever may see its tweet. A reply under a tweet the viewer may not
 * see is a 404 exactly like a missing reply, on reads and on changes.
 */
final class ReplyAccess {
    private ReplyAccess() {
    }

    static ApiException replyNotFound() {
        return ApiException.notFound("Reply not found.");
    }

    /**
     * Locks the reply for a change: first its tweet (checking visibility), then the reply.
     * Everything that changes a tweet or its replies locks the tweet first, so changes to
     * one conversation run one after another, and a deleted tweet is never replied to.
     */
    static ReplyDao.ReplyRef lockVisible(Handle h, long replyId, long viewerUserId) {
        ReplyDao dao = h.attach(ReplyDao.class);
        ReplyDao.ReplyRef reply = dao.find(replyId).orElseThrow(ReplyAccess::replyNotFound);
        TweetAccess.lockVisible(h, reply.tweetId(), viewerUserId, ReplyAccess::replyNotFound);
        // Gone if deleted before we held the tweet's lock.
        return dao.lock(replyId).orElseThrow(ReplyAccess::replyNotFound);
    }

    /** Checks, without locking, that the reply exists and the viewer may see it. */
    static ReplyDao.ReplyRef requireVisible(Handle h, long replyId, long viewerUserId) {
        ReplyDao.ReplyRef reply = h.attach(ReplyDao.class).find(replyId).orElseThrow(ReplyAccess::replyNotFound);
        TweetAccess.requireVisible(h, reply.tweetId(), viewerUserId, ReplyAccess::replyNotFound);
        return reply;
    }
}
