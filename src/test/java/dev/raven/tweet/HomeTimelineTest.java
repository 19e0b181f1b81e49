package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET tweets_list/: own tweets, followed users' tweets and retweets, each tweet once. */
@WithServer(social = true)
class HomeTimelineTest {
    static TestServer server;
    static Api api;
    static Social social;

    static Api.Res timeline(TestUser viewer) {
        return api.get("/api/tweets/tweets_list/", viewer.access());
    }

    @Test
    void anEmptyTimelineIs200AndAnEmptyArray() {
        TestUser loner = social.user("loner");
        Api.Res res = timeline(loner);
        assertEquals(200, res.status());
        assertEquals("[]", res.body());
        assertNull(Social.nextLink(res));
    }

    @Test
    void ownAndFollowedTweetsNewestFirstButNotOthers() {
        TestUser me = social.user("me");
        TestUser friend = social.user("friend");
        TestUser stranger = social.user("stranger");
        social.follow(me, friend);
        long mine = social.tweet(me, "mine");
        long theirs = social.tweet(friend, "theirs");
        social.tweet(stranger, "not followed");
        long mineAgain = social.tweet(me, "mine again");

        Api.Res res = timeline(me);
        assertEquals(200, res.status());
        assertEquals(List.of(mineAgain, theirs, mine), Social.tweetIds(res));
        for (JsonNode item : res.json()) {
            assertTrue(item.has("retweeted_by") && item.get("retweeted_by").isNull(), item.toString());
        }
        assertEquals(List.of(theirs), Social.tweetIds(timeline(friend)).subList(0, 1),
                "following is one-way: the friend sees only their own");
        assertEquals(1, timeline(friend).json().size());
    }

    @Test
    void aTimelineItemHasTheTweetKeysPlusRetweetedBy() {
        TestUser me = social.user("keys");
        social.tweet(me, "x");
        JsonNode item = timeline(me).json().get(0);
        List<String> keys = new ArrayList<>();
        item.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tweet_id", "user_id", "username", "content", "alias", "media", "media_url", "public",
                "profile_image", "timestamp", "number_of_saves", "number_of_likes", "number_of_retweets",
                "number_of_replies", "liked", "retweeted", "saved", "mentions", "tags", "retweeted_by"), keys);
    }

    @Test
    void retweetsOfFollowedUsersAppearWithRetweetedByAtTheRetweetTime() {
        TestUser me = social.user("reader");
        TestUser friend = social.user("sharer");
        TestUser stranger = social.user("origin");
        social.follow(me, friend);
        long old = social.tweet(stranger, "old news");
        long recent = social.tweet(friend, "recent");
        Social.expect(social.retweet(friend, old), 202);

        List<JsonNode> items = new ArrayList<>();
        timeline(me).json().forEach(items::add);
        assertEquals(List.of(old, recent), Social.tweetIds(items));
        JsonNode by = items.get(0).get("retweeted_by");
        assertEquals(friend.userId(), by.get("user_id").asLong());
        assertEquals(friend.username(), by.get("username").asText());
        assertEquals("Alias of " + friend.username(), by.get("alias").asText());
        assertEquals(stranger.userId(), items.get(0).get("user_id").asLong(), "the tweet is still the author's");
        assertTrue(items.get(1).get("retweeted_by").isNull());

        Social.expect(social.unretweet(friend, old), 202);
        assertEquals(List.of(recent), Social.tweetIds(timeline(me)));
    }

    @Test
    void aTweetAppearsOnceAtItsNewestActivity() {
        TestUser me = social.user("dedup");
        TestUser a = social.user("da");
        TestUser b = social.user("db");
        social.follow(me, a);
        social.follow(me, b);
        long tweetOfA = social.tweet(a, "by a");
        long mine = social.tweet(me, "by me");
        long between = social.tweet(b, "between");
        Social.expect(social.retweet(b, tweetOfA), 202); // followed author, retweeted by a followed user
        Social.expect(social.retweet(a, mine), 202);     // my own tweet, retweeted by a followed user
        Social.expect(social.retweet(b, mine), 202);     // ... and again by another: shown once, newest

        List<JsonNode> items = new ArrayList<>();
        timeline(me).json().forEach(items::add);
        assertEquals(List.of(mine, tweetOfA, between), Social.tweetIds(items));
        assertEquals(b.userId(), items.get(0).at("/retweeted_by/user_id").asLong());
        assertEquals(b.userId(), items.get(1).at("/retweeted_by/user_id").asLong());
        assertTrue(items.get(2).get("retweeted_by").isNull());
    }

    @Test
    void theViewersOwnRetweetsAndUnfollowedRetweetersDoNotAddItems() {
        TestUser me = social.user("self");
        TestUser stranger = social.user("far");
        TestUser strangersFriend = social.user("farfriend");
        long theirs = social.tweet(stranger, "far away");
        Social.expect(social.retweet(me, theirs), 202);
        Social.expect(social.retweet(strangersFriend, theirs), 202);
        assertEquals(List.of(), Social.tweetIds(timeline(me)));
        assertTrue(social.tweetAs(me, theirs).get("retweeted").asBoolean());
    }

    @Test
    void flagsAndCountsInTheTimelineAreTheViewers() {
        TestUser me = social.user("flags");
        TestUser friend = social.user("flagfriend");
        social.follow(me, friend);
        long id = social.tweet(friend, "flag me");
        social.like(me, id);
        Social.expect(social.toggleSave(me, id), 202);
        social.like(friend, id);

        JsonNode item = timeline(me).json().get(0);
        assertTrue(item.get("liked").asBoolean());
        assertTrue(item.get("saved").asBoolean());
        assertFalse(item.get("retweeted").asBoolean());
        assertEquals(2, item.get("number_of_likes").asLong());
        assertEquals(1, item.get("number_of_saves").asLong());
        JsonNode asFriend = timeline(friend).json().get(0);
        assertTrue(asFriend.get("liked").asBoolean());
        assertFalse(asFriend.get("saved").asBoolean());
    }

    @Test
    void unfollowingRemovesThatUsersTweetsAndRetweets() {
        TestUser me = social.user("fickle");
        TestUser friend = social.user("exfriend");
        TestUser other = social.user("other");
        social.follow(me, friend);
        social.tweet(friend, "soon gone");
        Social.expect(social.retweet(friend, social.tweet(other, "retweeted")), 202);
        assertEquals(2, timeline(me).json().size());
        Social.expect(social.toggleFollow(me, friend), 202);
        assertEquals("[]", timeline(me).body());
    }

    /**
     * The timeline reads a day first, then a window sized from what it saw, then all of
     * history; tweets spread from minutes to years back must all come, in order, once.
     */
    @Test
    void aTimelineSpanningYearsPagesThroughEveryTweetInOrder() {
        TestUser me = social.user("historian");
        TestUser friend = social.user("oldfriend");
        TestUser quiet = social.user("quietfriend");
        social.follow(me, friend);
        social.follow(me, quiet);
        long[] ageInHours = {0, 1, 5, 30, 50, 24 * 10, 24 * 40, 24 * 200, 24 * 800, 24 * 3000};
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < ageInHours.length; i++) {
            TestUser author = i % 3 == 0 ? quiet : friend;
            expected.add(social.tweet(author, "from " + ageInHours[i] + " hours ago"));
        }
        timeline(me); // a read waits for the fan-out: the rows to backdate are all there now
        for (int i = 0; i < ageInHours.length; i++) {
            long id = expected.get(i);
            java.time.Instant at = java.time.Instant.now().minus(java.time.Duration.ofHours(ageInHours[i]));
            // Backdated as if posted then: the tweet, and the rows fan-out made of it.
            server.app().database().jdbi().useHandle(h -> {
                h.createUpdate("UPDATE tweets SET created_at = :at WHERE id = :id").bind("at", at).bind("id", id)
                        .execute();
                h.createUpdate("UPDATE home_timelines SET activity_at = :at WHERE tweet_id = :id AND retweeter_id = 0")
                        .bind("at", at).bind("id", id).execute();
            });
        }
        long retweeted = expected.get(7); // 200 days old, retweeted now: shows at the top, once
        Social.expect(social.retweet(friend, retweeted), 202);
        expected.remove(retweeted);
        expected.add(0, retweeted);

        List<JsonNode> all = social.allPages("/api/tweets/tweets_list/?limit=2", me);

        assertEquals(expected, Social.tweetIds(all));
        assertEquals(friend.userId(), all.get(0).at("/retweeted_by/user_id").asLong());
    }
}
