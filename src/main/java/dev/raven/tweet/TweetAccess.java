package dev.raven.tweet;

import dev.raven.db.ListRow;
import dev.raven.http.ApiException;
import dev.raven.profile.FollowDao;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Helpers every tweet feature shares: the locked, visibility-checked fetch and page hydration. */
public final class TweetAccess {
    private TweetAccess() {
    }

    public static ApiException tweetNotFound() {
        return ApiException.notFound("Tweet not found.");
    }

    /** Locks the tweet for a change; one the viewer may not see is a 404, exactly like a missing one. */
    public static TweetDao.LockedTweet lockVisible(Handle h, long tweetId, long viewerUserId) {
        return lockVisible(h, tweetId, viewerUserId, TweetAccess::tweetNotFound);
    }

    /**
     * {@link #lockVisible(Handle, long, long)} for things that live under a tweet (replies):
     * a missing or hidden tweet is reported as {@code notFound}, the 404 of that thing.
     */
    public static TweetDao.LockedTweet lockVisible(Handle h, long tweetId, long viewerUserId,
                                                   Supplier<ApiException> notFound) {
        TweetDao.LockedTweet tweet = h.attach(TweetDao.class).lock(tweetId).orElseThrow(notFound);
        if (!tweet.isPublic() && tweet.userId() != viewerUserId
                && !h.attach(FollowDao.class).isFollowing(viewerUserId, tweet.userId())) {
            throw notFound.get();
        }
        if (tweet.userId() != viewerUserId && h.attach(TweetDao.class).authorSuspended(tweet.userId())) {
            throw notFound.get(); // a suspended account's content is hidden from everyone else
        }
        return tweet;
    }

    /** Checks, without locking, that the viewer may see the tweet. */
    public static void requireVisible(Handle h, long tweetId, long viewerUserId) {
        requireVisible(h, tweetId, viewerUserId, TweetAccess::tweetNotFound);
    }

    public static void requireVisible(Handle h, long tweetId, long viewerUserId, Supplier<ApiException> notFound) {
        h.attach(TweetDao.class).findVisible(tweetId, viewerUserId).orElseThrow(notFound);
    }

    /** The Tweets of a page of ids, in the page's order, in one statement. */
    public static List<Tweet> hydrate(Handle h, long viewerUserId, List<Long> tweetIds) {
        Map<Long, Tweet> byId = byIds(h, viewerUserId, tweetIds);
        List<Tweet> page = new ArrayList<>(tweetIds.size());
        for (Long id : tweetIds) {
            Tweet t = byId.get(id);
            if (t != null) { // deleted between the two statements
                page.add(t);
            }
        }
        return page;
    }

    /**
     * The Tweets of a page of ids by id, whatever the page size in at most three statements:
     * the ones {@link TweetCards} hold with their counters from memory, the other held ones by
     * their counters (after the viewer's reactions, if those are not held), the rest whole
     * (none for no ids, none for a page held whole).
     */
    public static Map<Long, Tweet> byIds(Handle h, long viewerUserId, List<Long> tweetIds) {
        Map<Long, Tweet> byId = new HashMap<>();
        if (tweetIds.isEmpty()) {
            return byId;
        }
        TweetCards cards = TweetCards.forReading(h);
        if (!cards.enabled()) {
            readWhole(h, viewerUserId, tweetIds, byId);
            return byId;
        }
        long generation = cards.generation();
        long countersGeneration = cards.countersGeneration();
        List<Long> missing = new ArrayList<>();
        Map<Long, TweetCards.Card> held = new HashMap<>();
        Map<Long, TweetCards.Author> authors = new HashMap<>();
        for (Long id : tweetIds) {
            TweetCards.Card card = cards.card(id);
            TweetCards.Author author = card == null ? null : cards.author(card.userId());
            if (author != null) { // both as they were just before the statement, like a read then
                held.put(id, card);
                authors.put(card.userId(), author);
            } else {
                missing.add(id);
            }
        }
        if (!held.isEmpty()) {
            TweetCards.Flags flags = viewerFlags(h, cards, viewerUserId);
            if (flags != null) {
                fromMemory(cards, flags, held, authors, byId);
            }
            readCounters(h, cards, viewerUserId, flags, held, authors, byId);
        }
        if (!missing.isEmpty()) {
            readWhole(h, viewerUserId, missing, byId);
            missing.forEach(id -> {
                Tweet t = byId.get(id);
                if (t != null) {
                    cards.keep(generation, t);
                    cards.keepCounters(countersGeneration, id, TweetCards.Counters.of(t));
                }
            });
        }
        return byId;
    }

    /** The held tweets whose counters are held too, built without a statement and taken out of {@code held}. */
    private static void fromMemory(TweetCards cards, TweetCards.Flags flags, Map<Long, TweetCards.Card> held,
                                   Map<Long, TweetCards.Author> authors, Map<Long, Tweet> byId) {
        for (var it = held.values().iterator(); it.hasNext(); ) {
            TweetCards.Card card = it.next();
            TweetCards.Counters counters = cards.counters(card.tweetId());
            if (counters != null) {
                long id = card.tweetId();
                byId.put(id, TweetSql.tweet(card, authors.get(card.userId()), counters, flags.liked(id),
                        flags.retweeted(id), flags.saved(id)));
                it.remove();
            }
        }
    }

    /**
     * The rest of the held tweets by their counters (with the viewer's flags probed per tweet
     * if those are not held), in one statement; the counters read are kept.
     */
    private static void readCounters(Handle h, TweetCards cards, long viewerUserId, TweetCards.Flags flags,
                                     Map<Long, TweetCards.Card> held, Map<Long, TweetCards.Author> authors,
                                     Map<Long, Tweet> byId) {
        if (held.isEmpty()) {
            return;
        }
        long generation = cards.countersGeneration();
        String sql = flags == null ? TweetSql.LIVE_BY_IDS : TweetSql.COUNTERS_BY_IDS;
        h.createQuery(sql).bindList("ids", List.copyOf(held.keySet())).bind("viewer", viewerUserId)
                .map((rs, ctx) -> {
                    long id = rs.getLong(1);
                    TweetCards.Card card = held.get(id);
                    TweetCards.Counters counters = TweetSql.counters(rs);
                    cards.keepCounters(generation, id, counters);
                    // LIVE_BY_IDS probes the flags per tweet (columns 6 to 8) where they are not held.
                    return TweetSql.tweet(card, authors.get(card.userId()), counters,
                            flags == null ? rs.getBoolean(6) : flags.liked(id),
                            flags == null ? rs.getBoolean(7) : flags.retweeted(id),
                            flags == null ? rs.getBoolean(8) : flags.saved(id));
                })
                .forEach(t -> byId.put(t.tweetId(), t));
    }

    /**
     * The viewer's likes, retweets and saves: held, or read (one statement) and kept; null for
     * a viewer with more than {@link TweetCards#FLAGS_HELD} of them (the page probes per tweet).
     */
    private static TweetCards.Flags viewerFlags(Handle h, TweetCards cards, long viewer) {
        TweetCards.Flags held = cards.flags(viewer);
        if (held != null) {
            return held == TweetCards.Flags.TOO_MANY ? null : held;
        }
        long generation = cards.flagsGeneration();
        TweetCards.Flags.Builder read = new TweetCards.Flags.Builder();
        h.createQuery(TweetSql.VIEWER_REACTIONS).bind("viewer", viewer).bind("limit", TweetCards.FLAGS_HELD + 1)
                .map((rs, ctx) -> {
                    read.add(rs.getInt(1), rs.getLong(2));
                    return null;
                })
                .forEach(ignored -> { });
        if (read.size() > TweetCards.FLAGS_HELD) {
            cards.keepFlags(generation, viewer, TweetCards.Flags.TOO_MANY); // not read again until a reaction
            return null;
        }
        TweetCards.Flags flags = read.build();
        cards.keepFlags(generation, viewer, flags);
        return flags;
    }

    private static void readWhole(Handle h, long viewerUserId, List<Long> tweetIds, Map<Long, Tweet> byId) {
        // A plain query, not the DAO: attaching one builds a handler for each of its methods.
        h.createQuery(TweetDao.BY_IDS).bindList("ids", tweetIds).bind("viewer", viewerUserId)
                .map(TweetSql.TWEET).forEach(t -> byId.put(t.tweetId(), t));
    }

    public static List<Long> ids(List<ListRow> rows) {
        return rows.stream().map(ListRow::id).toList();
    }
}
