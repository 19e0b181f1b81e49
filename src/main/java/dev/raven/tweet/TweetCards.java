package dev.raven.tweet;

import dev.raven.db.CommittedWrites;
import dev.raven.db.WriteEpoch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of recently shown tweets that seldom change (text, media, audience, author's
 * name, alias and picture, mentions), in memory, so that a page of tweets reads at most
 * what does change (the counters) from the database: one short primary-key row per tweet
 * instead of three joined rows and five probes. The counters are held too until any tweet
 * row changes ({@link Counters}), so a page of held tweets between two reactions reads
 * nothing. Recent viewers' likes, retweets and saves are held too ({@link Flags}), read in
 * one statement from their own indexes when missing.
 *
 * <p>This process's own writes are applied as they commit: every committed statement that changes a column a card holds
 * empties the cards ({@link #changesCards}): edits, deletes and profile changes are rare next
 * to reads. Every committed write to likes, retweets or saves empties the flags. What is read
 * from the database is kept only if no such write came while it was read (a generation
 * counter), so a read racing an edit or a like cannot bring the old state back. Writes by
 * other instances sharing PostgreSQL empty it all before the next read ({@link dev.raven.db.WriteEpoch}).
 *
 * <p>Shared through the Jdbi configuration, so that every handle's page hydration finds it.
 */
public final class TweetCards implements JdbiConfig<TweetCards> {
    /** A tweet's card: everything of the Tweet but its author's names, the counters and the viewer's flags. */
    record Card(long tweetId, long userId, String content, boolean media, String mediaUrl, boolean isPublic,
                Instant createdAt, String mediaDescription, Mentions mentions) {
    }

    /** A tweet's counters: dropped for every tweet by any committed change to a tweet row. */
    record Counters(long saves, long likes, long retweets, long replies) {
        static Counters of(Tweet tweet) {
            return new Counters(tweet.numberOfSaves(), tweet.numberOfLikes(), tweet.numberOfRetweets(),
                    tweet.numberOfReplies());
        }
    }

    /** How an author is shown on a tweet (and on a retweet they made). */
    record Author(long userId, String username, String alias, String profileImage) {
    }

    /**
     * A viewer's likes, retweets and saves (tweet ids, sorted), all of them: held for viewers
     * with at most {@link #FLAGS_HELD}, and dropped for everyone by any write to those tables.
     */
    record Flags(long[] likedIds, long[] retweetedIds, long[] savedIds) {
        /** Held for a viewer with more than {@link #FLAGS_HELD}: their pages probe per tweet without reading them first. */
        static final Flags TOO_MANY = new Flags(new long[0], new long[0], new long[0]);

        boolean liked(long tweetId) {
            return java.util.Arrays.binarySearch(likedIds, tweetId) >= 0;
        }

        boolean retweeted(long tweetId) {
            return java.util.Arrays.binarySearch(retweetedIds, tweetId) >= 0;
        }

        boolean saved(long tweetId) {
            return java.util.Arrays.binarySearch(savedIds, tweetId) >= 0;
        }

        /** Collects rows of (kind 1 like, 2 retweet, 3 save; tweet id). */
        static final class Builder {
            private final java.util.List<Long> liked = new java.util.ArrayList<>();
            private final java.util.List<Long> retweeted = new java.util.ArrayList<>();
            private final java.util.List<Long> saved = new java.util.ArrayList<>();

            void add(int kind, long tweetId) {
                (kind == 1 ? liked : kind == 2 ? retweeted : saved).add(tweetId);
            }

            int size() {
                return liked.size() + retweeted.size() + saved.size();
            }

            Flags build() {
                return new Flags(sorted(liked), sorted(retweeted), sorted(saved));
            }

            private static long[] sorted(java.util.List<Long> ids) {
                long[] a = ids.stream().mapToLong(Long::longValue).toArray();
                java.util.Arrays.sort(a);
                return a;
            }
        }
    }

    /** Flags are held for viewers with at most this many likes, retweets and saves in all (8 bytes each). */
    static final int FLAGS_HELD = 1_000;
    /** Viewers whose flags are held at once (the least recently read go first). */
    private static final int FLAGS_VIEWERS = 1_000;

    private static final Pattern FLAGS_WRITE = Pattern.compile(
            "^\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+(tweet_likes|retweets|tweet_saves)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Counters change by UPDATE tweets (a reaction, a reply); a delete or an edit is rare enough to drop them too. */
    private static final Pattern TWEET_ROW_WRITE = Pattern.compile(
            "^\\s*(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+tweets\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern CARD_TABLE_WRITE = Pattern.compile(
            "^\\s*(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+(tweets|users|profiles|media|tweet_mentions)\\b",
            Pattern.CASE_INSENSITIVE);
    /** An UPDATE's SET list up to its first WHERE (or the end). */
    private static final Pattern UPDATE_SET = Pattern.compile(
            "^\\s*UPDATE\\s+(\\w+)\\s+SET\\s+(.*?)(\\sWHERE\\s.*)?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** The card's columns by table: an UPDATE that assigns none of them leaves cards alone (counters). */
    private static final Map<String, Pattern> CARD_COLUMNS = Map.of(
            "tweets", assigns("content|media|media_url|is_public|user_id|created_at|id"),
            "users", assigns("username|id"),
            "profiles", assigns("alias|image_url|user_id"));

    private static Pattern assigns(String columns) {
        return Pattern.compile("(^|[\\s,(])(" + columns + ")\\s*=", Pattern.CASE_INSENSITIVE);
    }

    private final Store store;

    /** Off (what a Jdbi starts with): every page reads whole rows. */
    public TweetCards() {
        this(new Store(0));
    }

    private TweetCards(Store store) {
        this.store = store;
    }

    @Override
    public TweetCards createCopy() {
        return new TweetCards(store);
    }

    /**
     * Keeps up to {@code size} cards, and as many authors, for {@code jdbi}'s handles, emptied
     * by every committed write that changes what they hold; 0 keeps none.
     */
    public static void install(Jdbi jdbi, int size) {
        if (size <= 0) {
            return;
        }
        TweetCards cards = jdbi.getConfig(TweetCards.class);
        cards.store.resize(size);
        CommittedWrites.watch(jdbi, TweetCards::changesCards, cards.store::clearCards);
        CommittedWrites.watch(jdbi, TweetCards::changesFlags, cards.store.flags::clear);
        CommittedWrites.watch(jdbi, TweetCards::changesCounters, cards.store.counters::clear);
    }

    public boolean enabled() {
        return store.enabled();
    }

    /**
     * The cards for {@code h} to read from: when on, first made true for another instance's
     * writes ({@link WriteEpoch#check}, once per handle).
     */
    static TweetCards forReading(Handle h) {
        TweetCards cards = h.getConfig(TweetCards.class);
        if (cards.enabled()) {
            WriteEpoch.check(h);
        }
        return cards;
    }

    /** Taken before reading rows to keep: {@link #keep} refuses them if a change came since. */
    long generation() {
        return store.generation();
    }

    Card card(long tweetId) {
        return store.card(tweetId);
    }

    Author author(long userId) {
        return store.author(userId);
    }

    /** Keeps a tweet read at {@code generation} (a new generation since: it may be old, so not kept). */
    void keep(long generation, Tweet tweet) {
        store.keep(generation, new Card(tweet.tweetId(), tweet.userId(), tweet.content(), tweet.media(),
                tweet.mediaUrl(), tweet.isPublic(), tweet.createdAt(), tweet.mediaDescription(), tweet.mentions()),
                new Author(tweet.userId(), tweet.username(), tweet.alias(), tweet.profileImage()));
    }

    Flags flags(long viewer) {
        return store.flags.get(viewer);
    }

    Counters counters(long tweetId) {
        return store.counters.get(tweetId);
    }

    /** Taken before reading counters to keep: {@link #keepCounters} refuses them if a tweet row changed since. */
    long countersGeneration() {
        return store.counters.generation();
    }

    void keepCounters(long generation, long tweetId, Counters counters) {
        store.counters.keep(generation, tweetId, counters);
    }

    /** Taken before reading a viewer's flags to keep: {@link #keepFlags} refuses them if a reaction came since. */
    long flagsGeneration() {
        return store.flags.generation();
    }

    void keepFlags(long generation, long viewer, Flags flags) {
        store.flags.keep(generation, viewer, flags);
    }

    /** Keeps an author read at {@code generation}. */
    void keep(long generation, Author author) {
        store.keep(generation, null, author);
    }

    /**
     * Drops every card, counter and viewer's flags: when another instance wrote ({@link
     * dev.raven.db.WriteEpoch}), and for tests that count statements from nothing held.
     */
    public void clear() {
        store.clearCards();
        store.flags.clear();
        store.counters.clear();
    }

    /** Cards held and hits, for tests and the curious. */
    public long[] stats() {
        return store.stats();
    }

    /** Whether a statement can change anything held here: a card, the counters or someone's flags. */
    public static boolean changesHeld(String sql) {
        return changesCards(sql) || changesFlags(sql) || changesCounters(sql);
    }

    /** Whether a statement can change what a card holds (then every card is dropped once it commits). */
    static boolean changesCards(String sql) {
        if (!CARD_TABLE_WRITE.matcher(sql).find()) {
            return false; // new rows (no card holds them yet), reads, other tables
        }
        var update = UPDATE_SET.matcher(sql);
        if (update.find()) {
            Pattern columns = CARD_COLUMNS.get(update.group(1).toLowerCase(java.util.Locale.ROOT));
            return columns == null || columns.matcher(update.group(2)).find(); // media, mentions: always
        }
        return true; // DELETE, MERGE, TRUNCATE
    }

    /** Whether a statement can change a tweet's counters (then every tweet's counters are dropped). */
    static boolean changesCounters(String sql) {
        return TWEET_ROW_WRITE.matcher(sql).find();
    }

    /** Whether a statement can change someone's likes, retweets or saves (then every viewer's flags are dropped). */
    static boolean changesFlags(String sql) {
        return FLAGS_WRITE.matcher(sql).find();
    }

    /** The maps, shared by every copy of the configuration. */
    private static final class Store {
        private int maxTweets;
        private LinkedHashMap<Long, Card> cards;
        private LinkedHashMap<Long, Author> authors;
        private final Held<Counters> counters = new Held<>(0);
        private final Held<Flags> flags = new Held<>(FLAGS_VIEWERS);
        private long generation;
        private long hits;
        private long misses;

        Store(int maxTweets) {
            resize(maxTweets);
        }

        private static <V> LinkedHashMap<Long, V> lru(int max) {
            return new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                    return size() > max;
                }
            };
        }

        /** Holds up to {@code held} tweets and as many authors (0: none), from empty. */
        synchronized void resize(int held) {
            maxTweets = held;
            cards = lru(held);
            authors = lru(held);
            counters.resize(held);
            generation++;
        }

        synchronized boolean enabled() {
            return maxTweets > 0;
        }

        synchronized long generation() {
            return generation;
        }

        synchronized Card card(long tweetId) {
            Card card = cards.get(tweetId);
            if (card == null) {
                misses++;
            } else {
                hits++;
            }
            return card;
        }

        synchronized Author author(long userId) {
            return authors.get(userId);
        }

        synchronized void keep(long readAt, Card card, Author author) {
            if (readAt != generation || maxTweets == 0) {
                return;
            }
            if (card != null) {
                cards.put(card.tweetId(), card);
            }
            authors.put(author.userId(), author);
        }

        synchronized void clearCards() {
            generation++;
            cards.clear();
            authors.clear();
        }

        synchronized long[] stats() {
            return new long[]{cards.size(), hits, misses};
        }
    }

    /** Values by id that one kind of write makes stale: a value read is kept only if no such write came meanwhile. */
    private static final class Held<V> {
        private LinkedHashMap<Long, V> values;
        private long generation;

        Held(int max) {
            values = Store.lru(max);
        }

        /** Holds up to {@code max} values, from empty; what was being read is not kept. */
        synchronized void resize(int max) {
            values = Store.lru(max);
            generation++;
        }

        synchronized V get(long id) {
            return values.get(id);
        }

        /** Taken before reading a value to keep. */
        synchronized long generation() {
            return generation;
        }

        synchronized void keep(long readAt, long id, V value) {
            if (readAt == generation) {
                values.put(id, value);
            }
        }

        synchronized void clear() {
            generation++;
            values.clear();
        }
    }
}
