package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fanned-out home timeline against the pull query it replaces: random follow graphs and
 * random sequences of posts, retweets, un-retweets, deletes, follows, unfollows, visibility
 * changes and account deletions; at checkpoints, every page of every reader (through the
 * API) equals the pull query's. Timelines are kept short (12 rows) so trimming and the
 * deep-page fall-back happen, and accounts with more than 3 followers are merged at read
 * time, so the hybrid is exercised too. Deterministic: a fixed seed.
 */
class TimelineOracleTest {
    private static final long SEED = 20261129L;
    private static final int PAGE = 5;

    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = Social.startServer(Map.of("timeline.length", "12", "timeline.fanout.max.followers", "3"));
        api = server.api();
        social = new Social(api);
        jdbi = server.app().database().jdbi();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageOfEveryReaderEqualsThePullQuery() {
        Random random = new Random(SEED);
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(social.user("oracle"));
        }
        Set<String> follows = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            toggleFollow(users, follows, random);
        }
        List<Long> tweets = new ArrayList<>();
        Set<String> retweets = new HashSet<>();
        int checkpoints = 0;
        for (int step = 1; step <= 450; step++) {
            TestUser u = pick(users, random);
            int op = random.nextInt(100);
            if (op < 35 || tweets.isEmpty()) {
                tweets.add(random.nextInt(4) == 0 ? social.privateTweet(u, "p" + step) : social.tweet(u, "t" + step));
            } else if (op < 55) {
                long t = pick(tweets, random);
                String key = u.userId() + ":" + t;
                Api.Res res = retweets.contains(key) ? social.unretweet(u, t) : social.retweet(u, t);
                if (res.status() == 202) {
                    if (!retweets.remove(key)) {
                        retweets.add(key);
                    }
                }
            } else if (op < 75) {
                toggleFollow(users, follows, random);
            } else if (op < 85) {
                long t = pick(tweets, random);
                api.put("/api/tweets/manage_tweet/" + t + "/", Map.of("public", random.nextBoolean()), u.access());
            } else if (op < 93) {
                long t = pick(tweets, random);
                if (api.delete("/api/tweets/manage_tweet/" + t + "/", null, u.access()).status() == 202) {
                    tweets.remove(t);
                }
            } else if (op < 96) {
                Api.Res res = api.delete("/api/auth/user/delete/", Map.of("refresh_token", u.refresh()), u.access());
                Social.expect(res, 204);
                users.remove(u);
                String prefix = u.userId() + ":";
                follows.removeIf(k -> k.startsWith(prefix) || k.endsWith(":" + u.userId()));
                retweets.removeIf(k -> k.startsWith(prefix));
                tweets.removeIf(t -> !jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) > 0 FROM tweets WHERE id = :id")
                        .bind("id", t).mapTo(Boolean.class).one()));
                users.add(social.user("oracle"));
            }
            if (step % 75 == 0) {
                users.forEach(TimelineOracleTest::assertMatchesPullQuery);
                checkpoints++;
            }
        }
        assertEquals(6, checkpoints);
        // The test meant something: rows were fanned out, trimmed, and some accounts were pulled.
        assertTrue(count("SELECT COUNT(*) FROM home_timelines") > 0);
        assertTrue(count("SELECT COUNT(*) FROM home_timeline_horizons") > 0, "some timeline was trimmed");
        assertTrue(count("SELECT COUNT(*) FROM timeline_pulled_accounts") > 0, "some account was pulled");
    }

    /** All pages of the reader's timeline through the API equal the pull query's pages. */
    static void assertMatchesPullQuery(TestUser reader) {
        List<JsonNode> items = social.allPages("/api/tweets/tweets_list/?limit=" + PAGE, reader);
        List<String> actual = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode by = item.get("retweeted_by");
            actual.add(item.get("tweet_id").asLong() + (by.isNull() ? "" : " by " + by.get("user_id").asLong()));
        }
        assertEquals(TimelineOracle.pullQuery(jdbi, reader.userId(), PAGE), actual, "timeline of user " + reader.userId());
    }

    private static void toggleFollow(List<TestUser> users, Set<String> follows, Random random) {
        TestUser a = pick(users, random);
        TestUser b = pick(users, random);
        if (a.equals(b)) {
            return;
        }
        Social.expect(social.toggleFollow(a, b), 202);
        String key = a.userId() + ":" + b.userId();
        if (!follows.remove(key)) {
            follows.add(key);
        }
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
