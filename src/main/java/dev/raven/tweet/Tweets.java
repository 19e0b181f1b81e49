package dev.raven.tweet;

import dev.raven.auth.Principal;
import dev.raven.db.Transactions;
import dev.raven.http.ApiException;
import dev.raven.http.FieldErrors;
import dev.raven.http.Message;
import dev.raven.media.MediaLibrary;
import dev.raven.notify.Kind;
import dev.raven.notify.Notice;
import dev.raven.notify.Notifications;
import dev.raven.timeline.FanOut;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Posting, reading, editing and deleting single tweets. */
public final class Tweets {
    private final Jdbi jdbi;
    private final TweetRules rules;
    private final MediaLibrary media;
    private final Clock clock;
    private final Notifications notifications;
    private final TimelineCache timelines;
    /** PostgreSQL: a post's writes in one statement (writes inside WITH); H2 has none. */
    private final boolean postgres;

    public Tweets(Jdbi jdbi, int maxLength, MediaLibrary media, Clock clock, Notifications notifications,
                  TimelineCache timelines, boolean postgres) {
        this.jdbi = jdbi;
        this.rules = new TweetRules(maxLength);
        this.media = media;
        this.clock = clock;
        this.notifications = notifications;
        this.timelines = timelines;
        this.postgres = postgres;
    }

    Tweet create(Principal author, TweetRequests.TweetBody body) {
        long authorUserId = author.userId();
        TweetRules.Draft draft = rules.forCreate(body);
        checkMediaUrl(draft.mediaUrl(), null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Plain statements, not TweetDao: attaching a SqlObject costs more than a post's inserts.
        return Transactions.inTransaction(jdbi, h -> {
            Written written = postgres ? writeInOneStatement(h, authorUserId, draft, now)
                    : writeStepByStep(h, authorUserId, draft, now);
            long id = written.tweetId();
            media.use(h, authorUserId, MediaLibrary.Use.tweet(id), draft.mediaUrl(), null, "media_url");
            PostLinks.MentionChange mentions = PostLinks.storeNewTweet(h, id, draft.content());
            notifications.timeline(h, authorUserId, id);
            h.afterCommit(() -> timelines.tweetPosted(authorUserId, id, now));
            notifications.notifyAll(h, mentions.added().stream()
                    .map(user -> Notice.onTweet(Kind.MENTION, authorUserId, user, id)).toList());
            if (written.author().isPresent() && !draft.hasMedia() && PostText.mentionKeys(draft.content()).isEmpty()) {
                // Nothing about a plain new post is in other rows yet (reactions, mentions, a
                // picture): the answer is what was just written, without reading it back.
                AuthorCard card = written.author().get();
                return new Tweet(id, authorUserId, author.username(), draft.content(), card.alias(), false,
                        null, draft.isPublic(), card.imageUrl(), now, 0, 0, 0, 0, false, false, false, null,
                        Mentions.NONE);
            }
            return h.createQuery(TweetDao.FIND_VISIBLE).bind("id", id).bind("viewer", authorUserId)
                    .map(TweetSql.TWEET).one();
        });
    }

    /**
     * PostgreSQL: the tweet, its author's counters (returning what a post shows of the author)
     * and, with fan-out on, the author's own timeline row and the fan-out job, as one
     * statement: one round trip where there were three.
     */
    private static Written writeInOneStatement(Handle h, long authorUserId, TweetRules.Draft draft, Instant now) {
        String sql = "WITH posted AS (" + TweetDao.INSERT + " RETURNING id, user_id, created_at), "
                + "counted AS (" + TweetDao.COUNT_TWEETS + " RETURNING user_id, alias, image_url)"
                + FanOut.tweetPostedEntries(h)
                + " SELECT posted.id, counted.alias, counted.image_url, counted.user_id IS NOT NULL "
                + "FROM posted LEFT JOIN counted ON TRUE";
        return bindNewTweet(h.createQuery(sql), authorUserId, draft, now)
                .bind("delta", 1).bind("mediaDelta", draft.hasMedia() ? 1 : 0)
                .map((rs, ctx) -> new Written(rs.getLong(1), rs.getBoolean(4)
                        ? Optional.of(new AuthorCard(rs.getString(2), rs.getString(3))) : Optional.empty()))
                .one();
    }

    /** Other databases (H2): the same writes, a statement each. */
    private static Written writeStepByStep(Handle h, long authorUserId, TweetRules.Draft draft, Instant now) {
        long id = bindNewTweet(h.createUpdate(TweetDao.INSERT), authorUserId, draft, now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate(TweetDao.COUNT_TWEETS).bind("userId", authorUserId).bind("delta", 1)
                .bind("mediaDelta", draft.hasMedia() ? 1 : 0).execute();
        Optional<AuthorCard> author = h.createQuery("SELECT alias, image_url FROM profiles WHERE user_id = :userId")
                .bind("userId", authorUserId).map(AuthorCard.ROW).findOne();
        FanOut.tweetPosted(h, authorUserId, id, now);
        return new Written(id, author);
    }

    /** The parameters of {@link TweetDao#INSERT}, in either path. */
    private static <S extends SqlStatement<S>> S bindNewTweet(S statement, long authorUserId, TweetRules.Draft draft,
                                                              Instant now) {
        return statement.bind("userId", authorUserId).bind("content", draft.content())
                .bind("media", draft.hasMedia()).bind("mediaUrl", draft.mediaUrl())
                .bind("isPublic", draft.isPublic()).bind("now", now);
    }

    /** A new tweet's id, and what a post shows of its author (none if the author has no profile). */
    private record Written(long tweetId, Optional<AuthorCard> author) {
    }

    private record AuthorCard(String alias, String imageUrl) {
        static final RowMapper<AuthorCard> ROW = (rs, ctx) -> new AuthorCard(rs.getString(1), rs.getString(2));
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
