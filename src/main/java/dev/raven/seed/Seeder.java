package dev.raven.seed;

import dev.raven.auth.PasswordHasher;
import dev.raven.db.EmbeddedH2;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills an empty database with a synthetic network, straight through JDBC batches: users
 * and profiles, a skewed follow graph, tweets spread over the past year, and likes, saves,
 * retweets, replies and reply likes in plausible proportions, with every counter equal to
 * the rows it counts.
 * The same plan and seed give the same data; timestamps are relative to when it runs.
 */
public final class Seeder {
    private static final Logger log = LoggerFactory.getLogger(Seeder.class);
    static final long SPAN_SECONDS = 365L * 24 * 3600;
    /** Rows per commit. */
    private static final int CHUNK = 50_000;
    /** Tweets per JDBC batch: each batch's tweets go before the rows that reference them. */
    private static final int TWEET_BATCH = 2_000;
    private static final String[] WORDS = ("the a raven flies over quiet hills and small towns where people "
            + "share news photos music code coffee rain sunrise weekend project garden bike train book "
            + "friends today tomorrow finally again really new old great little big open source server").split(" ");

    private final Jdbi jdbi;
    private final SeedPlan plan;
    private final SplittableRandom random;
    private final Instant anchor;
    private final Counters counters;
    private final List<Long> publicTweetIds = new ArrayList<>();

    private final boolean embeddedH2;

    public Seeder(Jdbi jdbi, SeedPlan plan, Instant now, boolean embeddedH2) {
        this.jdbi = jdbi;
        this.embeddedH2 = embeddedH2;
        this.plan = plan;
        this.random = new SplittableRandom(plan.seed());
        this.anchor = now.truncatedTo(ChronoUnit.SECONDS);
        this.counters = new Counters(plan.users());
    }

    /** Seeds everything; returns what the fixtures need. */
    public SeedResult run(PasswordHasher hasher) {
        long hasUsers = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
        if (hasUsers > 0) {
            throw new IllegalStateException("the database already has " + hasUsers + " users; seed only an empty one");
        }
        String passwordHash = hasher.hash(plan.password()); // once: every seeded user shares it
        FollowGraph graph = FollowGraph.generate(plan.users(), random);
        try {
            jdbi.useHandle(h -> write(h.getConnection(), passwordHash, graph));
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
        return new SeedResult(graph, publicTweetIds);
    }

    private void write(Connection c, String passwordHash, FollowGraph graph) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        if (embeddedH2) {
            EmbeddedH2.beginBulkLoad(c);
        }
        try {
            insertUsers(c, passwordHash);
            insertFollows(c, graph);
            insertTweets(c);
            updateProfileCounters(c, graph);
            restartIdentities(c);
            c.commit();
            analyze(c);
        } finally {
            if (embeddedH2) {
                EmbeddedH2.endBulkLoad(c);
            }
            c.setAutoCommit(autoCommit);
        }
    }

    private void insertUsers(Connection c, String passwordHash) throws SQLException {
        try (BatchWriter users = new BatchWriter(c, "INSERT INTO users (id, username, username_key, email, email_key, "
                + "password_hash, date_joined) VALUES (?, ?, ?, ?, ?, ?, ?)", CHUNK)) {
            for (int u = 1; u <= plan.users(); u++) {
                String name = username(u);
                String email = name + "@seed.raven.invalid";
                users.add((long) u, name, name.toLowerCase(Locale.ROOT), email, email, passwordHash,
                        time(anchor.minusSeconds(SPAN_SECONDS + random.nextLong(SPAN_SECONDS))));
            }
        }
        try (BatchWriter profiles = new BatchWriter(c, "INSERT INTO profiles (id, user_id, alias, bio, date_of_birth) "
                + "VALUES (?, ?, ?, ?, ?)", CHUNK)) {
            for (int u = 1; u <= plan.users(); u++) {
                profiles.add((long) u, (long) u, "Seed User " + u, "Synthetic account " + u + " for demos and benchmarks.",
                        LocalDate.of(1960 + u % 45, 1 + u % 12, 1 + u % 28));
            }
        }
        log.info("Seeded {} users with profiles", plan.users());
    }

    private void insertFollows(Connection c, FollowGraph graph) throws SQLException {
        try (BatchWriter follows = new BatchWriter(c,
                "INSERT INTO follows (follower_id, followed_id, created_at) VALUES (?, ?, ?)", CHUNK)) {
            for (int u = 1; u <= plan.users(); u++) {
                for (int v : graph.followees[u]) {
                    follows.add((long) u, (long) v, time(anchor.minusSeconds(random.nextLong(SPAN_SECONDS))));
                }
            }
            log.info("Seeded {} follows", follows.written());
        }
    }

    /**
     * Tweets in time order (ids rise with time, as in real use), written a chunk at a time:
     * each chunk's tweets first, then the rows that reference them.
     */
    private void insertTweets(Connection c) throws SQLException {
        try (PreparedStatement tweets = c.prepareStatement("INSERT INTO tweets (id, user_id, content, media, media_url, "
                + "is_public, created_at, likes_count, saves_count, retweets_count, replies_count) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement replies = c.prepareStatement("INSERT INTO replies (id, tweet_id, user_id, content, media, "
                     + "media_url, created_at, likes_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement replyLikes = c.prepareStatement(
                     "INSERT INTO reply_likes (reply_id, user_id, created_at) VALUES (?, ?, ?)");
             PreparedStatement likes = c.prepareStatement(
                     "INSERT INTO tweet_likes (tweet_id, user_id, created_at) VALUES (?, ?, ?)");
             PreparedStatement saves = c.prepareStatement(
                     "INSERT INTO tweet_saves (tweet_id, user_id, created_at) VALUES (?, ?, ?)");
             PreparedStatement retweets = c.prepareStatement(
                     "INSERT INTO retweets (tweet_id, user_id, created_at) VALUES (?, ?, ?)")) {
            for (int id = 1; id <= plan.tweets(); id++) {
                addTweet(id, new Statements(tweets, likes, saves, retweets, replies, replyLikes));
                if (id % TWEET_BATCH == 0 || id == plan.tweets()) {
                    tweets.executeBatch();
                    likes.executeBatch();
                    saves.executeBatch();
                    retweets.executeBatch();
                    replies.executeBatch();
                    replyLikes.executeBatch();
                }
                if (id % (TWEET_BATCH * 10) == 0) {
                    c.commit();
                }
                if (id % 100_000 == 0) {
                    log.info("Seeded {} of {} tweets", id, plan.tweets());
                }
            }
        }
        log.info("Seeded {} tweets, {} likes, {} saves, {} retweets, {} replies, {} reply likes", plan.tweets(),
                counters.likes, counters.saves, counters.retweets, counters.replies, counters.replyLikes);
    }

    private void addTweet(long id, Statements st) throws SQLException {
        int author = Skew.pick(plan.users(), 1.6, random);
        Instant at = anchor.minusSeconds(SPAN_SECONDS * (plan.tweets() - id) / Math.max(1, plan.tweets()))
                .minusMillis(random.nextInt(1000));
        boolean media = random.nextInt(10) == 0;
        boolean isPublic = random.nextInt(100) < 92;
        // Reactions only on public tweets: a private one's audience is its author's followers.
        int[] likers = isPublic ? distinctUsers(Skew.count(16, 5, random), author) : new int[0];
        int[] savers = isPublic ? distinctUsers(Skew.count(6, 6, random), author) : new int[0];
        int[] retweeters = isPublic ? distinctUsers(Skew.count(8, 6, random), author) : new int[0];
        int replyCount = isPublic ? Skew.count(5, 5, random) : 0;
        bind(st.tweets(), id, (long) author, content(), media, media ? mediaUrl("t", id) : null,
                isPublic, time(at), (long) likers.length, (long) savers.length, (long) retweeters.length,
                (long) replyCount);
        counters.tweet(author, media);
        for (int u : likers) {
            bind(st.likes(), id, (long) u, time(later(at)));
            counters.like(u);
        }
        for (int u : savers) {
            bind(st.saves(), id, (long) u, time(later(at)));
            counters.saves++;
        }
        for (int u : retweeters) {
            bind(st.retweets(), id, (long) u, time(later(at)));
            counters.retweets++;
        }
        for (int i = 0; i < replyCount; i++) {
            addReply(id, at, st);
        }
        if (isPublic) {
            publicTweetIds.add(id);
        }
    }

    private void addReply(long tweetId, Instant tweetAt, Statements st) throws SQLException {
        long replyId = ++counters.replies;
        int author = 1 + random.nextInt(plan.users());
        Instant at = later(tweetAt);
        boolean media = random.nextInt(20) == 0;
        int[] likers = distinctUsers(Skew.count(4, 6, random), author);
        bind(st.replies(), replyId, tweetId, (long) author, content(), media, media ? mediaUrl("r", replyId) : null,
                time(at), (long) likers.length);
        counters.reply(author);
        for (int u : likers) {
            bind(st.replyLikes(), replyId, (long) u, time(later(at)));
            counters.likeReply(u);
        }
    }

    private static String mediaUrl(String kind, long id) {
        return "https://media.example.org/seed/" + kind + id + ".jpg";
    }

    private void updateProfileCounters(Connection c, FollowGraph graph) throws SQLException {
        try (BatchWriter update = new BatchWriter(c, "UPDATE profiles SET followers_count = ?, following_count = ?, "
                + "tweets_count = ?, tweets_and_replies_count = ?, likes_count = ?, media_count = ? WHERE id = ?", CHUNK)) {
            for (int u = 1; u <= plan.users(); u++) {
                update.add((long) graph.followers[u], (long) graph.following(u), counters.tweets[u],
                        counters.tweets[u] + counters.repliesBy[u], counters.likesGiven[u], counters.media[u], (long) u);
            }
        }
    }

    /**
     * Table statistics for the planner: without them PostgreSQL plans the home timeline
     * as if every table were tiny (a 50-times slower plan was measured), and H2 guesses too.
     */
    private static void analyze(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        c.commit();
    }

    /** Ids were given explicitly; new rows must continue after them. */
    private void restartIdentities(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE users ALTER COLUMN id RESTART WITH " + (plan.users() + 1L));
            s.execute("ALTER TABLE profiles ALTER COLUMN id RESTART WITH " + (plan.users() + 1L));
            s.execute("ALTER TABLE tweets ALTER COLUMN id RESTART WITH " + (plan.tweets() + 1L));
            s.execute("ALTER TABLE replies ALTER COLUMN id RESTART WITH " + (counters.replies + 1L));
        }
    }

    private int[] distinctUsers(int count, int except) {
        int n = Math.min(count, plan.users() - 1);
        java.util.LinkedHashSet<Integer> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < n) {
            int u = 1 + random.nextInt(plan.users());
            if (u != except) {
                chosen.add(u);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private Instant later(Instant at) {
        Instant t = at.plusSeconds(random.nextLong(2 * 24 * 3600));
        return t.isAfter(anchor) ? anchor : t;
    }

    private String content() {
        int words = 5 + random.nextInt(26);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    static String username(int u) {
        return "user" + u;
    }

    private static OffsetDateTime time(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
        s.addBatch();
    }

    /** Running totals, so every stored counter equals the rows it counts. */
    private static final class Counters {
        final long[] tweets;
        final long[] media;
        final long[] likesGiven;
        final long[] repliesBy;
        long likes;
        long saves;
        long retweets;
        long replies;
        long replyLikes;

        Counters(int users) {
            tweets = new long[users + 1];
            media = new long[users + 1];
            likesGiven = new long[users + 1];
            repliesBy = new long[users + 1];
        }

        void tweet(int author, boolean withMedia) {
            tweets[author]++;
            if (withMedia) {
                media[author]++;
            }
        }

        void like(int user) {
            likesGiven[user]++;
            likes++;
        }

        void reply(int author) {
            repliesBy[author]++;
        }

        /** number_of_likes counts liked tweets and liked replies alike. */
        void likeReply(int user) {
            likesGiven[user]++;
            replyLikes++;
        }
    }

    /** The statements a chunk of tweets writes to, in the order they must be sent. */
    private record Statements(PreparedStatement tweets, PreparedStatement likes, PreparedStatement saves,
                              PreparedStatement retweets, PreparedStatement replies, PreparedStatement replyLikes) {
    }

    /** What the fixture writer needs from a seeding run. */
    public record SeedResult(FollowGraph graph, List<Long> publicTweetIds) {
    }
}
