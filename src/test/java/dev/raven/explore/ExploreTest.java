package dev.raven.explore;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * get_top, get_latest, get_explore_media: visible tweets of the last explore.window (here
 * 2 days) by people the viewer does not follow, ranked or newest first.
 */
@WithServer(value = {"explore.window=2d"}, social = true)
class ExploreTest {
    static final String TOP = "/api/tweets/get_top/";
    static final String LATEST = "/api/tweets/get_latest/";
    static final String MEDIA = "/api/tweets/get_explore_media/";

    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    TestUser viewer;

    /** Every test starts with an empty window: earlier tests' tweets are moved a month back. */
    @BeforeEach
    void emptyWindow() {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        jdbi.useHandle(h -> h.createUpdate("UPDATE tweets SET created_at = :at").bind("at", monthAgo).execute());
        viewer = social.user("explorer");
    }

    List<Long> ids(String path) {
        Api.Res res = api.get(path, viewer.access());
        Social.expect(res, 200);
        return Social.tweetIds(res);
    }

    void age(long tweetId, Duration age) {
        Instant at = Instant.now().minus(age);
        jdbi.useHandle(h -> h.createUpdate("UPDATE tweets SET created_at = :at WHERE id = :id")
                .bind("at", at).bind("id", tweetId).execute());
    }

    /** Gives a tweet n likes, each from a new user. */
    void likes(long tweetId, int n) {
        for (int i = 0; i < n; i++) {
            social.like(social.user("liker"), tweetId);
        }
    }

    @Test
    void candidatesAreVisibleTweetsOfPeopleTheViewerNeitherIsNorFollows() {
        TestUser followed = social.user("followed");
        TestUser stranger = social.user("stranger");
        TestUser other = social.user("other");
        social.follow(viewer, followed);
        social.follow(followed, stranger); // a follower of the stranger, but not the viewer
        social.tweet(viewer, "mine");
        social.tweet(followed, "followed");
        long a = social.tweet(stranger, "public");
        social.privateTweet(stranger, "private");
        long b = social.tweet(other, "public too");
        long m = social.mediaTweet(other, "public pic", "https://img.example/p.png", true);
        social.mediaTweet(other, "private pic", "https://img.example/q.png", false);

        assertEquals(List.of(m, b, a), ids(LATEST));
        assertEquals(List.of(m, b, a), ids(TOP), "no activity: ties go to the newest");
        assertEquals(List.of(m), ids(MEDIA));

        social.follow(viewer, other);
        assertEquals(List.of(a), ids(LATEST), "following someone takes them out of explore");
        assertEquals(List.of(a), ids(TOP));
        assertEquals(List.of(), ids(MEDIA));
    }

    @Test
    void tweetsOutsideTheWindowAreLeftOutHoweverPopular() {
        TestUser stranger = social.user("oldtimer");
        long old = social.mediaTweet(stranger, "old hit", "https://img.example/o.png", true);
        long recent = social.mediaTweet(stranger, "recent", "https://img.example/r.png", true);
        likes(old, 3);
        age(old, Duration.ofDays(3));
        age(recent, Duration.ofDays(1));

        assertEquals(List.of(recent), ids(LATEST));
        assertEquals(List.of(recent), ids(TOP));
        assertEquals(List.of(recent), ids(MEDIA));
        assertEquals(3, social.tweetAs(viewer, old).get("number_of_likes").asLong(), "still there, just not new");
    }

    @Test
    void topRanksByLikesRetweetsRepliesAndSaves() {
        TestUser s = social.user("ranked");
        TestUser fan = social.user("rankfan");
        long four = social.tweet(s, "one of each");
        long three = social.tweet(s, "three likes");
        long none = social.tweet(s, "nothing");
        long threeReplies = social.tweet(s, "three replies");
        social.like(fan, four);
        Social.expect(social.retweet(fan, four), 202);
        social.reply(fan, four, "reply");
        Social.expect(social.toggleSave(fan, four), 202);
        likes(three, 3);
        for (int i = 0; i < 3; i++) {
            social.reply(fan, threeReplies, "r" + i);
        }

        // 4, then the two 3s (the newer first), then 0.
        assertEquals(List.of(four, threeReplies, three, none), ids(TOP));
        assertEquals(List.of(threeReplies, none, three, four), ids(LATEST));
    }

    @Test
    void exploreMediaRanksMediaTweetsByLikesRetweetsAndSavesButNotReplies() {
        TestUser s = social.user("gallery");
        TestUser fan = social.user("galleryfan");
        long twoLikes = social.mediaTweet(s, "m1", "https://img.example/1.png", true);
        long manyReplies = social.mediaTweet(s, "m2", "https://img.example/2.png", true);
        long retweetAndSave = social.mediaTweet(s, "m3", "https://img.example/3.png", true);
        long text = social.tweet(s, "no media");
        likes(twoLikes, 2);
        for (int i = 0; i < 5; i++) {
            social.reply(fan, manyReplies, "r" + i);
        }
        Social.expect(social.toggleSave(fan, manyReplies), 202);
        Social.expect(social.retweet(fan, retweetAndSave), 202);
        Social.expect(social.toggleSave(fan, retweetAndSave), 202);
        likes(text, 9);

        assertEquals(List.of(retweetAndSave, twoLikes, manyReplies), ids(MEDIA));
        assertEquals(List.of(text, manyReplies, retweetAndSave, twoLikes), ids(TOP), "replies count on get_top");
    }

    @Test
    void everyExploreListPagesWithoutRepeatsOrSkipsWhileNewTweetsArrive() {
        TestUser s = social.user("pagedexplore");
        List<Long> byTime = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long id = social.mediaTweet(s, "p" + i, "https://img.example/p" + i + ".png", true);
            byTime.add(0, id);
            likes(id, i % 3); // scores 0, 1, 2, 0, 1, 2, 0: ties across page boundaries
        }
        assertEquals(byTime, ids(LATEST));
        for (String path : List.of(TOP, LATEST, MEDIA)) {
            List<Long> whole = ids(path);
            List<Long> seen = new ArrayList<>();
            String next = path + "?limit=2";
            while (next != null) {
                Api.Res page = api.get(next, viewer.access());
                Social.expect(page, 200);
                assertTrue(page.json().size() <= 2);
                seen.addAll(Social.tweetIds(page));
                social.mediaTweet(s, "late", "https://img.example/late.png", true);
                next = Social.nextLink(page);
            }
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no repeats on " + path);
            // Every item that was there is seen once, in order. A new tweet lands above the
            // cursor on get_latest; on the ranked lists its score (0) may place it further down.
            assertEquals(whole, seen.stream().filter(whole::contains).toList(), path);
            if (path.equals(LATEST)) {
                assertEquals(whole, seen);
            }
        }
    }

    @Test
    void exploreNeedsATokenAndChecksItsParameters() {
        for (String path : List.of(TOP, LATEST, MEDIA)) {
            Api.Res res = api.get(path, null);
            assertEquals(401, res.status(), path);
            assertEquals("not_authenticated", res.json().get("code").asText());
            for (String query : List.of("?limit=0", "?limit=101", "?cursor=abc")) {
                Api.Res bad = api.get(path + query, viewer.access());
                assertEquals(400, bad.status(), path + query);
                assertEquals("invalid", bad.json().get("code").asText());
            }
        }
    }
}
