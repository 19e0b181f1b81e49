package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many requests toggling the same thing at the same moment: every request succeeds, no
 * row is duplicated, and the counters end equal to the rows.
 */
@WithServer(social = true)
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int ROUNDS = 6;

    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    static List<Integer> hammer(Function<Integer, Api.Res> request) throws Exception {
        return hammer(ROUNDS, request);
    }

    /** Runs {@code request} THREADS × rounds times, all threads released together; returns the statuses. */
    static List<Integer> hammer(int rounds, Function<Integer, Api.Res> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<Integer>> job = () -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        statuses.add(request.apply(thread).status());
                    }
                    return statuses;
                };
                futures.add(pool.submit(job));
            }
            go.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneUserTogglingOneLikeFromManyThreads() throws Exception {
        TestUser author = social.user("hot");
        TestUser clicker = social.user("clicker");
        long id = social.tweet(author, "double click me");

        List<Integer> statuses = hammer(t -> social.toggleLike(clicker, id));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        // An even number of toggles, applied one after another, ends where it started.
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_likes WHERE tweet_id = ?", id));
        assertEquals(0, social.tweetAs(author, id).get("number_of_likes").asLong());
        assertEquals(0, social.profileAs(author, clicker).get("number_of_likes").asLong());
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void manyUsersLikingAndSavingOneTweetAtOnce() throws Exception {
        TestUser author = social.user("viral");
        long id = social.tweet(author, "everyone at once");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            users.add(social.user("crowd"));
        }
        // Half the threads toggle their own like, half their own save, 5 times each: all end on.
        List<Integer> statuses = hammer(5, t -> t % 2 == 0
                ? social.toggleLike(users.get(t), id)
                : social.toggleSave(users.get(t), id));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        assertEquals(THREADS / 2, social.tweetAs(author, id).get("number_of_likes").asLong());
        assertEquals(THREADS / 2, social.tweetAs(author, id).get("number_of_saves").asLong());
        assertEquals(THREADS / 2, Counters.count(jdbi, "SELECT COUNT(*) FROM tweet_likes WHERE tweet_id = ?", id));
        assertEquals(1, social.profileAs(author, users.get(0)).get("number_of_likes").asLong());
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void concurrentRetweetsOfOneTweetByOneUserLeaveOneRow() throws Exception {
        TestUser author = social.user("rtsource");
        TestUser retweeter = social.user("eager");
        long id = social.tweet(author, "retweet race");

        List<Integer> statuses = hammer(t -> social.retweet(retweeter, id));
        assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(THREADS * ROUNDS - 1, statuses.stream().filter(s -> s == 409).count());
        assertEquals(1, Counters.count(jdbi, "SELECT COUNT(*) FROM retweets WHERE tweet_id = ?", id));
        assertEquals(1, social.tweetAs(author, id).get("number_of_retweets").asLong());

        List<Integer> undo = hammer(t -> social.unretweet(retweeter, id));
        assertEquals(1, undo.stream().filter(s -> s == 202).count(), undo.toString());
        assertEquals(THREADS * ROUNDS - 1, undo.stream().filter(s -> s == 404).count());
        assertEquals(0, social.tweetAs(author, id).get("number_of_retweets").asLong());
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void followTogglesInBothDirectionsAtOnce() throws Exception {
        TestUser a = social.user("ping");
        TestUser b = social.user("pong");
        // Half the threads toggle a->b, half b->a: the pair's two profiles are locked in one order.
        List<Integer> statuses = hammer(t -> t % 2 == 0 ? social.toggleFollow(a, b) : social.toggleFollow(b, a));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        assertEquals(0, Counters.count(jdbi,
                "SELECT COUNT(*) FROM follows WHERE follower_id IN (?, ?)", a.userId(), b.userId()));
        assertEquals(0, social.profileAs(a, b).get("number_of_followers").asLong());
        assertEquals(0, social.profileAs(a, a).get("number_of_following").asLong());
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void manyFollowersOfOneProfileAtOnce() throws Exception {
        TestUser star = social.user("magnet");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            fans.add(social.user("rush"));
        }
        List<Integer> statuses = hammer(t -> social.toggleFollow(fans.get(t), star));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        List<Integer> once = hammer(t -> t % 2 == 0 ? social.toggleFollow(fans.get(t), star)
                : api.get("/api/profiles/get_followers/" + star.profileId() + "/", fans.get(t).access()));
        assertTrue(once.stream().allMatch(s -> s == 202 || s == 200), once.toString());
        assertEquals(0, social.profileAs(star, star).get("number_of_followers").asLong(), "every count is even");
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void deletingATweetWhileOthersLikeIt() throws Exception {
        TestUser author = social.user("vanishing");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            fans.add(social.user("late"));
        }
        long id = social.tweet(author, "here and gone");
        List<Integer> statuses = hammer(t -> t == 0
                ? api.delete("/api/tweets/manage_tweet/" + id + "/", null, author.access())
                : social.toggleLike(fans.get(t), id));
        assertTrue(statuses.stream().allMatch(s -> s == 202 || s == 404), statuses.toString());
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM tweets WHERE id = ?", id));
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void oneUserTogglingOneReplyLikeFromManyThreads() throws Exception {
        TestUser author = social.user("replyhot");
        TestUser clicker = social.user("replyclicker");
        long reply = social.reply(author, social.tweet(author, "t"), "double click my reply");

        List<Integer> statuses = hammer(t -> social.toggleReplyLike(clicker, reply));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM reply_likes WHERE reply_id = ?", reply));
        assertEquals(0, social.profileAs(author, clicker).get("number_of_likes").asLong());
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void manyUsersLikingRepliesOfOneTweetWhileOthersReply() throws Exception {
        TestUser author = social.user("busythread");
        long tweet = social.tweet(author, "busy");
        long reply = social.reply(author, tweet, "like me");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            users.add(social.user("crowdreply"));
        }
        // Even threads toggle their like 5 times (ending liked), odd threads reply 5 times.
        List<Integer> statuses = hammer(5, t -> t % 2 == 0
                ? social.toggleReplyLike(users.get(t), reply)
                : social.postReply(users.get(t), tweet, java.util.Map.of("content", "me too " + t)));
        assertTrue(statuses.stream().allMatch(s -> s == 202), statuses.toString());
        assertEquals(1 + THREADS / 2 * 5, social.tweetAs(author, tweet).get("number_of_replies").asLong());
        assertEquals(THREADS / 2, Counters.count(jdbi, "SELECT COUNT(*) FROM reply_likes WHERE reply_id = ?", reply));
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void deletingATweetWhileOthersReplyToItAndLikeItsReplies() throws Exception {
        TestUser author = social.user("vanishingthread");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            fans.add(social.user("latereply"));
        }
        long tweet = social.tweet(author, "here and gone");
        long reply = social.reply(fans.get(1), tweet, "first!");
        List<Integer> statuses = hammer(t -> t == 0
                ? api.delete("/api/tweets/manage_tweet/" + tweet + "/", null, author.access())
                : t % 2 == 0 ? social.toggleReplyLike(fans.get(t), reply)
                : social.postReply(fans.get(t), tweet, java.util.Map.of("content", "racing")));
        assertTrue(statuses.stream().allMatch(s -> s == 202 || s == 404), statuses.toString());
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM replies WHERE tweet_id = ?", tweet));
        Counters.assertAllConsistent(jdbi);
    }

    @Test
    void deletingAReplyWhileOthersLikeIt() throws Exception {
        TestUser author = social.user("vanishingreply");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            fans.add(social.user("lateliker"));
        }
        long reply = social.reply(author, social.tweet(author, "t"), "here and gone");
        List<Integer> statuses = hammer(t -> t == 0
                ? social.deleteReply(author, reply)
                : social.toggleReplyLike(fans.get(t), reply));
        assertTrue(statuses.stream().allMatch(s -> s == 202 || s == 404), statuses.toString());
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM replies WHERE id = ?", reply));
        Counters.assertAllConsistent(jdbi);
    }
}
