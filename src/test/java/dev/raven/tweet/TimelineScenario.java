package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.Staff;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A random life of an instance, for testing a way of serving home timelines against the pull
 * query it replaces: a random follow graph, then random posts, reads, retweets, un-retweets,
 * follows, unfollows, mutes, blocks, visibility changes, deletes, suspensions and account
 * deletions. Every {@code checkEvery} steps, every page of every reader (through the API)
 * must equal the pull query's. Deterministic for a seed.
 */
final class TimelineScenario {
    private static final int PAGE = 5;

    private final Api api;
    private final Social social;
    private final Jdbi jdbi;
    private final Random random;
    private final List<TestUser> users = new ArrayList<>();
    private final Set<String> follows = new HashSet<>();
    private final List<Long> tweets = new ArrayList<>();
    private final Set<String> retweets = new HashSet<>();
    private final Set<String> mutes = new HashSet<>();
    private final Set<String> blocks = new HashSet<>();
    private final Set<Long> suspended = new HashSet<>();

    TimelineScenario(Api api, Social social, Jdbi jdbi, long seed) {
        this.api = api;
        this.social = social;
        this.jdbi = jdbi;
        this.random = new Random(seed);
    }

    /** Runs {@code steps} random steps; returns how many checkpoints passed. */
    int run(int steps, int checkEvery) {
        TestUser moderator = Staff.moderator(social, jdbi, "oraclemod");
        for (int i = 0; i < 10; i++) {
            users.add(social.user("oracle"));
        }
        for (int i = 0; i < 30; i++) {
            toggleFollow();
        }
        int checkpoints = 0;
        for (int step = 1; step <= steps; step++) {
            step(step, pick(users), moderator);
            if (step % checkEvery == 0) {
                users.forEach(this::assertMatchesPullQuery);
                checkpoints++;
            }
        }
        return checkpoints;
    }

    private void step(int step, TestUser u, TestUser moderator) {
        int op = random.nextInt(100);
        if (op < 35 || tweets.isEmpty()) {
            tweets.add(random.nextInt(4) == 0 ? social.privateTweet(u, "p" + step) : social.tweet(u, "t" + step));
        } else if (op < 50) {
            api.get("/api/tweets/tweets_list/?limit=" + PAGE, u.access()); // a cache holds the reader
        } else if (op < 62) {
            long t = pick(tweets);
            String key = u.userId() + ":" + t;
            Api.Res res = retweets.contains(key) ? social.unretweet(u, t) : social.retweet(u, t);
            if (res.status() == 202 && !retweets.remove(key)) {
                retweets.add(key);
            }
        } else if (op < 74) {
            toggleFollow();
        } else if (op < 78) {
            toggle(mutes, u, pick(users), social::mute, social::unmute);
        } else if (op < 81) {
            TestUser other = pick(users);
            if (toggle(blocks, u, other, social::block, social::unblock)) { // a block ends follows both ways
                follows.remove(u.userId() + ":" + other.userId());
                follows.remove(other.userId() + ":" + u.userId());
            }
        } else if (op < 89) {
            long t = pick(tweets);
            api.put("/api/tweets/manage_tweet/" + t + "/", Map.of("public", random.nextBoolean()), u.access());
        } else if (op < 94) {
            long t = pick(tweets);
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
            Social.expect(api.delete(Auth.DELETE, Map.of("refresh_token", u.refresh()), u.access()), 204);
            users.remove(u);
            String prefix = u.userId() + ":";
            follows.removeIf(k -> k.startsWith(prefix) || k.endsWith(":" + u.userId()));
            retweets.removeIf(k -> k.startsWith(prefix));
            tweets.removeIf(t -> !jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) > 0 FROM tweets WHERE id = :id")
                    .bind("id", t).mapTo(Boolean.class).one()));
            users.add(social.user("oracle"));
        }
    }

    /** All pages of the reader's timeline through the API equal the pull query's pages. */
    private void assertMatchesPullQuery(TestUser reader) {
        List<JsonNode> items = social.allPages("/api/tweets/tweets_list/?limit=" + PAGE, reader);
        List<String> actual = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode by = item.get("retweeted_by");
            actual.add(item.get("tweet_id").asLong() + (by.isNull() ? "" : " by " + by.get("user_id").asLong()));
        }
        assertEquals(TimelineOracle.pullQuery(jdbi, reader.userId(), PAGE), actual, "timeline of user " + reader.userId());
    }

    private void toggleFollow() {
        TestUser a = pick(users);
        TestUser b = pick(users);
        if (a.equals(b)) {
            return;
        }
        if (social.toggleFollow(a, b).status() != 202) {
            return; // a block between them
        }
        String key = a.userId() + ":" + b.userId();
        if (!follows.remove(key)) {
            follows.add(key);
        }
    }

    /** Mutes or blocks, or undoes it: true when it was set. */
    private static boolean toggle(Set<String> set, TestUser u, TestUser other,
                                  BiFunction<TestUser, TestUser, Api.Res> on, BiFunction<TestUser, TestUser, Api.Res> off) {
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

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
