package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The N+1 guard: a page of 50 items costs exactly as many SQL statements as a page of 5,
 * on the home timeline and on every other list (tweet, reply, mixed, explore, suggestion
 * and search lists), with likes, saves, retweets and replies from many users on the page.
 * The bounds are the same on PostgreSQL, where a page reading held tweets also needs the
 * shared write counter (dev.raven.db.WriteEpoch): it comes with the session check's row.
 */
@WithServer(social = true)
class QueryCountTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;
    static TestUser viewer;
    static TestUser author;
    static long popular;
    static long likedReply;
    static final AtomicInteger STATEMENTS = new AtomicInteger();

    @BeforeAll
    static void start() {
        viewer = social.user("counted");
        List<TestUser> followed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestUser u = social.user("source");
            social.follow(viewer, u);
            social.follow(u, viewer);
            followed.add(u);
        }
        author = followed.get(0);
        followed.subList(1, followed.size()).forEach(u -> social.follow(u, author)); // they see private tweets
        TestUser stranger = social.user("unfollowed");
        popular = social.tweet(author, "popular");
        for (int i = 0; i < 80; i++) {
            long id = i % 4 == 0 ? social.tweet(stranger, "s" + i)
                    : social.mediaTweet(author, "t" + i, "https://img.example/" + i + ".png", i % 3 != 0);
            TestUser other = followed.get((i + 3) % followed.size());
            if (i % 4 == 0) {
                Social.expect(social.retweet(other, id), 202);
            }
            social.like(viewer, id);
            social.like(other, id);
            Social.expect(social.toggleSave(viewer, id), 202);
        }
        for (TestUser u : followed) {
            social.like(u, popular);
            Social.expect(social.retweet(u, popular), 202);
        }
        // The author's replies (every other one with media) between some more tweets of theirs.
        List<Long> authorReplies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long parent = i % 2 == 0 ? popular : social.tweet(followed.get(1 + i % 7), "reply to me " + i);
            authorReplies.add(i % 2 == 0 ? social.mediaReply(author, parent, "r" + i, "https://img.example/r.png")
                    : social.reply(author, parent, "r" + i));
            if (i % 3 == 0) {
                social.tweet(author, "between replies " + i);
            }
        }
        likedReply = authorReplies.get(0);
        for (int i = 0; i < 60; i++) {
            TestUser fan = social.user("fan");
            social.like(fan, popular);
            Social.expect(social.retweet(fan, popular), 202);
            social.follow(fan, author);
            social.follow(author, fan);
            // Explore candidates for the viewer (who does not follow fans), replies and reply likes.
            long fanTweet = social.mediaTweet(fan, "fan pic " + i, "https://img.example/f" + i + ".png", true);
            social.like(fan, fanTweet);
            long fanReply = social.reply(fan, popular, "fan reply " + i);
            social.likeReply(viewer, fanReply);
            social.like(viewer, fanTweet);
            social.likeReply(fan, likedReply);
            if (i > 0) {
                social.likeReply(fan, authorReplies.get(i));
            }
        }
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                STATEMENTS.incrementAndGet();
            }

            @Override
            public void logException(StatementContext context, SQLException ex) {
                STATEMENTS.incrementAndGet();
            }
        });
    }

    @AfterEach
    void keepLogging() {
        STATEMENTS.set(0);
    }

    /** Statements run by one request, which must answer 200 with a full page and a next link. */
    static int statementsFor(String path, int expectedItems) {
        jdbi.getConfig(TweetCards.class).clear(); // both sizes read whole tweets (heldTweetCards: the other path)
        STATEMENTS.set(0);
        Api.Res res = api.get(path, viewer.access());
        int count = STATEMENTS.get();
        assertEquals(200, res.status(), res.body());
        assertEquals(expectedItems, res.json().size(), path);
        assertTrue(Social.nextLink(res) != null, "a full page with more behind it: " + path);
        return count;
    }

    /** Statements run by a bounded list (no next page), which must answer 200 with {@code expectedItems}. */
    static int statementsForBounded(String method, String path, Object body, int expectedItems) {
        jdbi.getConfig(TweetCards.class).clear();
        STATEMENTS.set(0);
        Api.Res res = method.equals("POST") ? api.post(path, body, viewer.access()) : api.get(path, viewer.access());
        int count = STATEMENTS.get();
        assertEquals(200, res.status(), res.body());
        assertEquals(expectedItems, res.json().size(), path);
        return count;
    }

    static void assertConstantBounded(String method, String path, Object body, int atMost) {
        String sep = path.contains("?") ? "&" : "?";
        int small = statementsForBounded(method, path + sep + "limit=5", body, 5);
        int large = statementsForBounded(method, path + sep + "limit=50", body, 50);
        assertEquals(small, large, "statements for 5 vs 50 items on " + path);
        assertTrue(large <= atMost, path + " ran " + large + " statements, expected at most " + atMost);
    }

    static void assertConstant(String path, int atMost) {
        String sep = path.contains("?") ? "&" : "?";
        int small = statementsFor(path + sep + "limit=5", 5);
        int large = statementsFor(path + sep + "limit=50", 50);
        assertEquals(small, large, "statements for 5 vs 50 items on " + path);
        assertTrue(large <= atMost, path + " ran " + large + " statements, expected at most " + atMost);
    }

    @Test
    void homeTimeline() {
        TimelineCache cache = server.app().timelines();
        // By the query: the cache (if any) emptied, so a first page loads the reader into it (one statement more).
        cache.invalidateAll();
        int small = statementsFor("/api/tweets/tweets_list/?limit=5", 5);
        cache.invalidateAll();
        int large = statementsFor("/api/tweets/tweets_list/?limit=50", 50);
        assertEquals(small, large, "statements for 5 vs 50 items");
        assertTrue(large <= 7, "the home timeline ran " + large + " statements");
        cache.invalidateAll();
        Api.Res first = api.get("/api/tweets/tweets_list/?limit=5", viewer.access());
        String next = Social.nextLink(first);
        cache.invalidateAll();
        STATEMENTS.set(0);
        assertEquals(200, api.get(next, viewer.access()).status());
        assertTrue(STATEMENTS.get() <= 6, "a later page costs the same: " + STATEMENTS.get());
    }

    @Test
    void heldTweetCards() {
        assumeTrue(jdbi.getConfig(TweetCards.class).enabled(), "tweet.cache.size=0");
        String path = "/api/tweets/get_tweets/" + author.userId() + "/";
        int whole = statementsFor(path + "?limit=50", 50);
        STATEMENTS.set(0);
        assertEquals(50, api.get(path + "?limit=50", viewer.access()).json().size()); // held: the flags are read
        int readingFlags = STATEMENTS.get();
        STATEMENTS.set(0);
        assertEquals(200, api.get(path + "?limit=5", viewer.access()).status()); // flags held too
        int small = STATEMENTS.get();
        STATEMENTS.set(0);
        assertEquals(50, api.get(path + "?limit=50", viewer.access()).json().size());
        int large = STATEMENTS.get();
        assertEquals(small, large, "statements for 5 vs 50 held tweets");
        assertEquals(whole, readingFlags, "cards and counters held, flags not: the viewer's reactions instead");
        assertEquals(whole - 1, large, "cards, counters and flags held: no statement for the tweets");

        jdbi.getConfig(TweetCards.class).clear();
        assertEquals(50, api.get(path + "?limit=50", viewer.access()).json().size()); // cards and counters kept
        assertEquals(50, api.get(path + "?limit=50", viewer.access()).json().size()); // the flags kept
        jdbi.useHandle(h -> h.execute("UPDATE tweets SET likes_count = likes_count WHERE id = -1")); // a counter write
        STATEMENTS.set(0);
        assertEquals(50, api.get(path + "?limit=50", viewer.access()).json().size());
        assertEquals(whole, STATEMENTS.get(), "a tweet row written: the counters are read again");
    }

    @Test
    void aViewerWithMoreReactionsThanAreHeldIsProbedPerTweet() {
        assumeTrue(jdbi.getConfig(TweetCards.class).enabled(), "tweet.cache.size=0");
        TestUser busy = social.user("busy");
        TestUser stranger = social.user("bulk");
        String path = "/api/tweets/get_tweets/" + author.userId() + "/?limit=50";
        long onThePage = api.get(path, busy.access()).json().get(3).get("tweet_id").asLong();
        social.like(busy, onThePage);
        // More likes than the cache holds for one viewer, written directly (a thousand API calls
        // would only be slow): on followers-only tweets of someone nobody follows, so no list shows them.
        jdbi.useHandle(h -> {
            var bulk = h.prepareBatch("INSERT INTO tweets (user_id, content, media, is_public, created_at) "
                    + "VALUES (?, 'bulk', FALSE, FALSE, CURRENT_TIMESTAMP)");
            for (int i = 0; i < TweetCards.FLAGS_HELD; i++) {
                bulk.add(stranger.userId());
            }
            bulk.execute();
            h.execute("INSERT INTO tweet_likes (tweet_id, user_id, created_at) "
                    + "SELECT id, ?, CURRENT_TIMESTAMP FROM tweets WHERE user_id = ?", busy.userId(), stranger.userId());
        });
        jdbi.getConfig(TweetCards.class).clear();
        STATEMENTS.set(0);
        Api.Res whole = api.get(path, busy.access());
        int wholeStatements = STATEMENTS.get();
        STATEMENTS.set(0);
        Api.Res overTheLimit = api.get(path, busy.access()); // cards held: the reactions are read, too many to keep
        int readingReactions = STATEMENTS.get();
        STATEMENTS.set(0);
        Api.Res probed = api.get(path, busy.access());
        int probing = STATEMENTS.get();
        assertEquals(wholeStatements + 1, readingReactions);
        assertEquals(wholeStatements, probing, "the reactions are not read again for every page");
        assertEquals(whole.json(), overTheLimit.json());
        assertEquals(whole.json(), probed.json());
        assertTrue(probed.json().get(3).get("liked").asBoolean(), "the liked tweet shows as liked");
        assertEquals(onThePage, probed.json().get(3).get("tweet_id").asLong());
    }

    @Test
    void homeTimelineHeldInMemory() {
        TimelineCache cache = server.app().timelines();
        assumeTrue(cache.isEnabled(), "timeline.cache.readers=0; homeTimeline() covers the query");
        api.get("/api/tweets/tweets_list/", viewer.access()); // holds the reader
        // Only the hydrating statements: the tweets with counts and flags, and the retweeters.
        assertConstant("/api/tweets/tweets_list/", 2);
    }

    @Test
    void tweetLists() {
        assertConstant("/api/tweets/get_tweets/" + author.userId() + "/", 5);
        assertConstant("/api/tweets/get_saved_tweets/", 5);
    }

    @Test
    void mixedLists() {
        for (String path : List.of("/api/tweets/get_user_media/" + author.userId() + "/",
                "/api/tweets/get_liked/" + viewer.userId() + "/",
                "/api/tweets/replies/get_user_tweets_and_replies/" + author.userId() + "/",
                "/api/tweets/replies/get_user_replies/" + author.userId() + "/")) {
            assertConstant(path, 5);
            // The page really mixes tweets and replies (get_user_replies: replies only).
            var items = api.get(path + "?limit=50", viewer.access()).json();
            int replies = 0;
            for (var item : items) {
                replies += item.has("reply") ? 1 : 0;
            }
            assertTrue(replies > 0 && (replies < 50 || path.contains("get_user_replies")), path + ": " + replies);
        }
    }

    @Test
    void replyLists() {
        assertConstant("/api/tweets/replies/replies_list/" + popular + "/", 3);
        assertConstant("/api/tweets/replies/get_reply_like_list/" + likedReply + "/", 6);
    }

    @Test
    void explore() {
        assertConstant("/api/tweets/get_top/", 3);
        assertConstant("/api/tweets/get_latest/", 3);
        assertConstant("/api/tweets/get_explore_media/", 3);
    }

    @Test
    void suggestionsAndSearch() {
        assertConstantBounded("GET", "/api/profiles/most_popular/", null, 4);
        // One more statement when the list has to be topped up with the most followed.
        assertConstantBounded("GET", "/api/profiles/who_to_follow/", null, 5);
        assertConstantBounded("POST", "/api/profiles/search/", Map.of("search_input", "fan"), 4);
        assertConstantBounded("POST", "/api/profiles/search/", Map.of("search_input", "@fan"), 4);
    }

    @Test
    void profileBriefLists() {
        assertConstant("/api/tweets/get_tweet_like_list/" + popular + "/", 6);
        assertConstant("/api/tweets/retweet_list/" + popular + "/", 6);
        assertConstant("/api/profiles/get_followers/" + author.profileId() + "/", 6);
        assertConstant("/api/profiles/get_following/" + author.profileId() + "/", 6);
    }
}
