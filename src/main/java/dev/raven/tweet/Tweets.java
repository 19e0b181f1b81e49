package dev.raven.tweet;

import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.http.Message;
import dev.raven.media.MediaLibrary;
import dev.raven.notify.Kind;
import dev.raven.notify.Notice;
import dev.raven.notify.Notifications;
import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Posting, reading, editing and deleting single tweets. */
public final class Tweets {
    private final Jdbi jdbi;
    private final TweetRules rules;
    private final MediaLibrary media;
    private final Clock clock;
    private final Notifications notifications;
    private final TimelineCache timelines;

    public Tweets(Jdbi jdbi, int maxLength, MediaLibrary media, Clock clock, Notifications notifications,
                  TimelineCache timelines) {
        this.jdbi = jdbi;
        this.rules = new TweetRules(maxLength);
        this.media = media;
        this.clock = clock;
        this.notifications = notifications;
        this.timelines = timelines;
    }

    Tweet create(long authorUserId, TweetRequests.TweetBody body) {
        TweetRules.Draft draft = rules.forCreate(body);
        checkMediaUrl(draft.mediaUrl(), null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Plain statements, not TweetDao: attaching a SqlObject costs more than a post's inserts.
        return Transactions.inTransaction(jdbi, h -> {
            long id = h.createUpdate(TweetDao.INSERT).bind("userId", authorUserId).bind("content", draft.content())
                    .bind("media", draft.hasMedia()).bind("mediaUrl", draft.mediaUrl())
                    .bind("isPublic", draft.isPublic()).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate(TweetDao.COUNT_TWEETS).bind("userId", authorUserId).bind("delta", 1)
                    .bind("mediaDelta", draft.hasMedia() ? 1 : 0).execute();
            media.use(h, authorUserId, MediaLibrary.Use.tweet(id), draft.mediaUrl(), null, "media_url");
            PostLinks.MentionChange mentions = PostLinks.storeNewTweet(h, id, draft.content());
            FanOut.tweetPosted(h, authorUserId, id, now);
            notifications.timeline(h, authorUserId, id);
            h.afterCommit(() -> timelines.tweetPosted(authorUserId, id, now));
            notifications.notifyAll(h, mentions.added().stream()
                    .map(user -> Notice.onTweet(Kind.MENTION, authorUserId, user, id)).toList());
            return h.createQuery(TweetDao.FIND_VISIBLE).bind("id", id).bind("viewer", authorUserId)
                    .map(TweetSql.TWEET).one();
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
            checkMediaUrl(draft.mediaUrl(), current.mediaUrl());
            media.use(h, viewerUserId, MediaLibrary.Use.tweet(tweetId), draft.mediaUrl(), current.mediaUrl(),
                    "media_url");
            TweetDao dao = h.attach(TweetDao.class);
            dao.update(tweetId, draft.content(), draft.hasMedia(), draft.mediaUrl(), draft.isPublic());
            int mediaDelta = (draft.hasMedia() ? 1 : 0) - (current.media() ? 1 : 0);
            if (mediaDelta != 0) {
                dao.countTweets(viewerUserId, 0, mediaDelta);
            }
            PostLinks.MentionChange mentions = PostLinks.storeTweet(h, tweetId, draft.content());
            for (long user : mentions.removed()) {
                notifications.withdrawOnTweet(h, Kind.MENTION, viewerUserId, user, tweetId);
            }
            notifications.notifyAll(h, mentions.added().stream()
                    .map(user -> Notice.onTweet(Kind.MENTION, viewerUserId, user, tweetId)).toList());
            return dao.findVisible(tweetId, viewerUserId).orElseThrow();
        });
    }

    Message delete(long viewerUserId, long tweetId) {
        return Transactions.inTransaction(jdbi, h -> {
            TweetDao.LockedTweet tweet = TweetAccess.lockVisible(h, tweetId, viewerUserId);
            requireAuthor(tweet, viewerUserId, "delete");
            media.removeOfTweet(h, tweetId);
            TweetRemoval.removeTweet(h, tweet);
            return new Message("tweet with id " + tweetId + " deleted");
        });
    }

    /** media.allow.external.urls=false: a new media_url must be one of this instance's pictures. */
    private void checkMediaUrl(String mediaUrl, String unchanged) {
        if (mediaUrl != null && !mediaUrl.equals(unchanged)) {
            FieldErrors errors = new FieldErrors();
            media.checkUrl(mediaUrl, errors, "media_url");
            errors.throwIfAny();
        }
    }

    private static void requireAuthor(TweetDao.LockedTweet tweet, long viewerUserId, String action) {
        if (tweet.userId() != viewerUserId) {
            throw ApiException.forbidden("Only the author can " + action + " this tweet.");
        }
    }
}
