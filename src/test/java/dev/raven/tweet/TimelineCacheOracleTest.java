package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
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
 * Home timelines served from memory against the pull query: random follow graphs and random
 * sequences of posts, retweets, un-retweets, follows, unfollows, mutes, blocks, visibility
 * changes, deletes, suspensions and account deletions, with reads in between so that readers
 * are held while all that happens. At checkpoints, every page of every reader (through the
 * API) equals the pull query's. Only 12 items and 6 readers are held, so new tweets push items
 * out, deep pages fall back to the query, and readers are forgotten and loaded again.
 * Deterministic: a fixed seed. Always on the embedded database, the only one the cache serves.
 */
@WithServer(value = {"db.url=", "timeline.cache.items=12", "timeline.cache.readers=6"}, social = true)
class TimelineCacheOracleTest {
    private static final long SEED = 20261130L;
    private static final int PAGE = 5;

    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @Test
    void everyPageOfEveryReaderEqualsThePullQuery() {
        Random random = new Random(SEED);
        TestUser moderator = Staff.moderator(social, jdbi, "oraclemod");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(social.user("oracle"));
        }
        Set<String> follows = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            toggleFollow(users, follows, random);
        }
        List<Long> tweets = new ArrayList<>();
        Set<String> retweets = new HashSet<>();
        Set<String> mutes = new HashSet<>();
        Set<String> blocks = new HashSet<>();
        Set<Long> suspended = new HashSet<>();
        int checkpoints = 0;
        for (int step = 1; step <= 600; step++) {
            TestUser u = pick(users, random);
            int op = random.nextInt(100);
            if (op < 35 || tweets.isEmpty()) {
                tweets.add(random.nextInt(4) == 0 ? social.privateTweet(u, "p" + step) : social.tweet(u, "t" + step));
            } else if (op < 50) {
                api.get("/api/tweets/tweets_list/?limit=" + PAGE, u.access()); // holds the reader
            } else if (op < 62) {
                long t = pick(tweets, random);
                String key = u.userId() + ":" + t;
                Api.Res res = retweets.contains(key) ? social.unretweet(u, t) : social.retweet(u, t);
                if (res.status() == 202 && !retweets.remove(key)) {
                    retweets.add(key);
                }
            } else if (op < 74) {
                toggleFollow(users, follows, random);
            } else if (op < 78) {
                toggle(mutes, u, pick(users, random), social::mute, social::unmute);
            } else if (op < 81) {
                TestUser other = pick(users, random);
                if (toggle(blocks, u, other, social::block, social::unblock)) { // a block ends follows both ways
                    follows.remove(u.userId() + ":" + other.userId());
                    follows.remove(other.userId() + ":" + u.userId());
                }
            } else if (op < 89) {
                long t = pick(tweets, random);
                api.put("/api/tweets/manage_tweet/" + t + "/", Map.of("public", random.nextBoolean()), u.access());
            } else if (op < 94) {
                long t = pick(tweets, random);
                if (api.delete("/api/tweets/manage_tweet/" + t + "/", null, u.access()).status() == 202) {
                    tweets.remove(t);
                }
            } else if (op < 97) {
                String action = suspended.remove(u.userId()) ? "unsuspend" : "suspend";
                Social.expect(api.post("/api/moderation/users/" + u.userId() + "/" + action + "/",
                        Map.of("reason", "oracle"), moderator.access()), 202);
                if (action.equals("suspend")) {
                    suspended.add(u.userId());
                    users.remove(u); // a suspended account cannot sign in: it only stays in others' data
                    users.add(social.user("oracle"));
                }
            } else {
                Api.Res res = api.delete(Auth.DELETE, Map.of("refresh_token", u.refresh()), u.access());
                Social.expect(res, 204);
                users.remove(u);
                String prefix = u.userId() + ":";
                follows.removeIf(k -> k.startsWith(prefix) || k.endsWith(":" + u.userId()));
                retweets.removeIf(k -> k.startsWith(prefix));
                tweets.removeIf(t -> !jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) > 0 FROM tweets WHERE id = :id")
                        .bind("id", t).mapTo(Boolean.class).one()));
                users.add(social.user("oracle"));
            }
            if (step % 100 == 0) {
                users.forEach(TimelineCacheOracleTest::assertMatchesPullQuery);
                checkpoints++;
            }
        }
        assertEquals(6, checkpoints);
        assertTrue(server.app().timelines().pagesServed() >= 25,
                "pages came from memory: " + server.app().timelines().pagesServed());
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
        Api.Res res = social.toggleFollow(a, b);
        if (res.status() != 202) {
            return; // a block between them
        }
        String key = a.userId() + ":" + b.userId();
        if (!follows.remove(key)) {
            follows.add(key);
        }
    }

    /** Mutes or blocks, or undoes it: true when it was set. */
    private static boolean toggle(Set<String> set, TestUser u, TestUser other,
                                  java.util.function.BiFunction<TestUser, TestUser, Api.Res> on,
                                  java.util.function.BiFunction<TestUser, TestUser, Api.Res> off) {
        if (u.equals(other)) {
            return false;
        }
        String key = u.userId() + ":" + other.userId();
        if (set.remove(key)) {
            assertTrue(off.apply(u, other).status() < 300);
            return false;
        }
        assertTrue(on.apply(u, other).status() < 300);
        set.add(key);
        return true;
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
