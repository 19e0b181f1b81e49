package dev.raven.tweet;

import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.Message;
import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Posting, reading, editing and deleting single tweets. */
public final class Tweets {
    private final Jdbi jdbi;
    private final TweetRules rules;
    private final Clock clock;

    public Tweets(Jdbi jdbi, int maxLength, Clock clock) {
        this.jdbi = jdbi;
        this.rules = new TweetRules(maxLength);
        this.clock = clock;
    }

    Tweet create(long authorUserId, TweetRequests.TweetBody body) {
        TweetRules.Draft draft = rules.forCreate(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao dao = h.attach(TweetDao.class);
            long id = dao.insert(authorUserId, draft.content(), draft.hasMedia(), draft.mediaUrl(), draft.isPublic(),
                    now);
            dao.countTweets(authorUserId, 1, draft.hasMedia() ? 1 : 0);
            FanOut.tweetPosted(h, authorUserId, id, now);
            return dao.findVisible(id, authorUserId).orElseThrow();
        });
    }

    public Tweet get(long viewerUserId, long tweetId) {
        return jdbi.withExtension(TweetDao.class, d -> d.findVisible(tweetId, viewerUserId))
                .orElseThrow(TweetAccess::tweetNotFound);
    }

    /** Partial edit by the author; media_count follows the media flag. */
    Tweet edit(long viewerUserId, long tweetId, TweetRequests.TweetBody body) {
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet current = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            requireAuthor(current, viewerUserId, "edit");
            TweetRules.Draft draft = rules.forEdit(current, body);
            TweetDao dao = h.attach(TweetDao.class);
            dao.update(tweetId, draft.content(), draft.hasMedia(), draft.mediaUrl(), draft.isPublic());
            int mediaDelta = (draft.hasMedia() ? 1 : 0) - (current.media() ? 1 : 0);
            if (mediaDelta != 0) {
                dao.countTweets(viewerUserId, 0, mediaDelta);
            }
            return dao.findVisible(tweetId, viewerUserId).orElseThrow();
        });
    }

    Message delete(long viewerUserId, long tweetId) {
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            requireAuthor(tweet, viewerUserId, "delete");
            TweetRemoval.removeTweet(h, tweet);
            return new Message("tweet with id " + tweetId + " deleted");
        });
    }

    private static void requireAuthor(TweetDao.LockedTweet tweet, long viewerUserId, String action) {
        if (tweet.userId() != viewerUserId) {
            throw ApiException.forbidden("Only the author can " + action + " this tweet.");
        }
    }
}
