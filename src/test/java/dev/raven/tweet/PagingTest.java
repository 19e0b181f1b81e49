package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ?limit=, ?cursor= and the Link header, on every list. */
@WithServer(social = true)
class PagingTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void theDefaultPageIs50AndTheLinkLeadsToTheRest() {
        TestUser author = social.user("prolific");
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            posted.add(0, social.tweet(author, "tweet " + i));
        }
        Api.Res first = api.get("/api/tweets/get_tweets/" + author.userId() + "/", author.access());
        assertEquals(50, first.json().size());
        String next = Social.nextLink(first);
        assertNotNull(next);
        assertTrue(next.startsWith(server.baseUrl() + "/api/tweets/get_tweets/" + author.userId()), next);
        assertTrue(first.header("Link").endsWith("; rel=\"next\""));
        Api.Res second = api.get(next, author.access());
        assertEquals(5, second.json().size());
        assertNull(Social.nextLink(second));
        List<Long> all = new ArrayList<>(Social.tweetIds(first));
        all.addAll(Social.tweetIds(second));
        assertEquals(posted, all);
    }

    @Test
    void badLimitsAndCursorsAre400() {
        TestUser user = social.user("badpage");
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-5", "limit=", "limit=1.5",
                "cursor=%25%25", "cursor=abc", "cursor=MTIzNA", "limit=10&cursor=bm90LmEuY3Vyc29y")) {
            Api.Res res = api.get("/api/tweets/tweets_list/?" + query, user.access());
            assertEquals(400, res.status(), query + " -> " + res.body());
            assertEquals("invalid", res.json().get("code").asText());
        }
        assertEquals(200, api.get("/api/tweets/tweets_list/?limit=100", user.access()).status());
        assertEquals(200, api.get("/api/tweets/tweets_list/?limit=1", user.access()).status());
    }

    @Test
    void theLinkKeepsTheLimitAndOtherParameters() {
        TestUser author = social.user("keeper");
        for (int i = 0; i < 3; i++) {
            social.tweet(author, "t" + i);
        }
        Api.Res res = api.get("/api/tweets/get_tweets/" + author.userId() + "/?limit=2&x=y%20z", author.access());
        String next = Social.nextLink(res);
        assertTrue(next.contains("limit=2"), next);
        assertTrue(next.contains("x=y+z") || next.contains("x=y%20z"), next);
        assertEquals(1, api.get(next, author.access()).json().size());
    }

    @Test
    void timelinePagesNeverRepeatOrSkipWhileNewTweetsArrive() {
        TestUser me = social.user("scroller");
        TestUser a = social.user("pa");
        TestUser b = social.user("pb");
        TestUser c = social.user("pc");
        social.follow(me, a);
        social.follow(me, b);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestUser author = List.of(me, a, b).get(i % 3);
            expected.add(0, social.tweet(author, "p" + i));
            if (i % 4 == 3) { // some items are followed users' retweets of an unfollowed user's tweet
                long other = social.tweet(c, "c" + i);
                Social.expect(social.retweet(a, other), 202);
                expected.add(0, other);
            }
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/tweets/tweets_list/?limit=4";
        int newTweets = 0;
        while (next != null) {
            Api.Res page = api.get(next, me.access());
            assertEquals(200, page.status(), page.body());
            assertTrue(page.json().size() <= 4);
            seen.addAll(Social.tweetIds(page));
            // New activity between page fetches lands before the cursor.
            social.tweet(List.of(me, a, b).get(newTweets++ % 3), "new " + newTweets);
            next = Social.nextLink(page);
        }
        assertEquals(expected, seen);
    }

    @Test
    void everyListPagesWithoutRepeatsOrSkips() {
        TestUser owner = social.user("owner");
        TestUser viewer = social.user("viewer");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fans.add(social.user("fan"));
        }
        long target = social.tweet(owner, "target");
        List<Long> owned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = social.mediaTweet(owner, "m" + i, "https://img.example/" + i + ".png", true);
            owned.add(0, id);
            social.like(owner, id);
            Social.expect(social.toggleSave(viewer, id), 202);
        }
        for (TestUser fan : fans) {
            social.like(fan, target);
            Social.expect(social.retweet(fan, target), 202);
            social.follow(fan, owner);
            social.follow(owner, fan);
        }
        List<Long> fanProfiles = new ArrayList<>();
        fans.forEach(f -> fanProfiles.add(0, f.profileId()));
        List<Long> withTarget = new ArrayList<>(owned);
        withTarget.add(target);

        assertEquals(withTarget, Social.tweetIds(social.allPages(
                "/api/tweets/get_tweets/" + owner.userId() + "/?limit=2", viewer)));
        assertEquals(owned, Social.tweetIds(social.allPages(
                "/api/tweets/get_user_media/" + owner.userId() + "/?limit=2", viewer)));
        assertEquals(owned, Social.tweetIds(social.allPages("/api/tweets/get_liked/" + owner.userId() + "/?limit=2",
                viewer)));
        assertEquals(owned, Social.tweetIds(social.allPages("/api/tweets/get_saved_tweets/?limit=2", viewer)));
        assertEquals(fanProfiles, profileIds(social.allPages(
                "/api/tweets/get_tweet_like_list/" + target + "/?limit=2", viewer)));
        assertEquals(fanProfiles, profileIds(social.allPages("/api/tweets/retweet_list/" + target + "/?limit=2",
                viewer)));
        assertEquals(fanProfiles, profileIds(social.allPages(
                "/api/profiles/get_followers/" + owner.profileId() + "/?limit=2", viewer)));
        assertEquals(fanProfiles, profileIds(social.allPages(
                "/api/profiles/get_following/" + owner.profileId() + "/?limit=2", viewer)));
    }

    @Test
    void aPageOfExactlyTheLimitHasNoLink() {
        TestUser author = social.user("exact");
        social.tweet(author, "1");
        social.tweet(author, "2");
        Api.Res res = api.get("/api/tweets/get_tweets/" + author.userId() + "/?limit=2", author.access());
        assertEquals(2, res.json().size());
        assertNull(Social.nextLink(res));
    }

    static List<Long> profileIds(List<JsonNode> briefs) {
        List<Long> ids = new ArrayList<>();
        Set<Long> unique = new HashSet<>();
        briefs.forEach(b -> {
            ids.add(b.get("id").asLong());
            unique.add(b.get("id").asLong());
        });
        assertEquals(unique.size(), ids.size(), "no repeats");
        return ids;
    }
}
