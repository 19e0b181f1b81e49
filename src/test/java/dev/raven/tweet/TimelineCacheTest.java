package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home timeline cache through the API, one change at a time: what is served from memory,
 * and that each kind of change is seen at once. {@link TimelineCacheOracleTest} mixes them.
 */
@WithServer(value = "db.url=", social = true) // the embedded database: the only one the cache serves
class TimelineCacheTest {
    static TestServer server;
    static Api api;
    static Social social;
    static TimelineCache cache;

    @BeforeAll
    static void cache() {
        cache = server.app().timelines();
    }

    @Test
    void aNewTweetIsOnTheFollowersHeldTimelineWithoutReadingItAgain() {
        TestUser reader = social.user("reader");
        TestUser author = social.user("author");
        social.follow(reader, author);
        long before = social.tweet(author, "before");
        assertEquals(List.of(before), timeline(reader)); // loads the reader
        long served = cache.pagesServed();

        long after = social.tweet(author, "after");
        long own = social.privateTweet(reader, "mine, followers only");
        assertEquals(List.of(own, after, before), timeline(reader));
        assertEquals(served + 1, cache.pagesServed(), "served from memory");
    }

    @Test
    void aMutedAuthorsNewTweetStaysOut() {
        TestUser reader = social.user("reader");
        TestUser loud = social.user("loud");
        social.follow(reader, loud);
        Social.expect(social.mute(reader, loud), 202);
        assertEquals(List.of(), timeline(reader));
        long served = cache.pagesServed();

        social.tweet(loud, "not for the reader");
        assertEquals(List.of(), timeline(reader));
        assertEquals(served + 1, cache.pagesServed(), "served from memory");
    }

    @Test
    void aFollowAnUnfollowAndAnUnretweetAreSeenAtOnce() {
        TestUser reader = social.user("reader");
        TestUser author = social.user("author");
        TestUser retweeter = social.user("retweeter");
        long tweet = social.tweet(author, "a tweet");
        social.follow(reader, retweeter);
        assertEquals(List.of(), timeline(reader));

        Social.expect(social.retweet(retweeter, tweet), 202);
        assertEquals(List.of(tweet), timeline(reader));
        social.follow(reader, author);
        assertEquals(List.of(tweet), timeline(reader));
        Social.expect(social.unretweet(retweeter, tweet), 202);
        assertEquals(List.of(tweet), timeline(reader), "the author's own row is back");
        Social.expect(social.toggleFollow(reader, author), 202); // unfollow
        assertEquals(List.of(), timeline(reader));
    }

    @Test
    void aDeletedOrHiddenTweetLeavesAHeldTimelineAtOnce() {
        TestUser reader = social.user("reader");
        TestUser author = social.user("author");
        TestUser stranger = social.user("stranger");
        social.follow(reader, author);
        long kept = social.tweet(author, "kept");
        long deleted = social.tweet(author, "deleted");
        long hidden = social.tweet(stranger, "hidden later");
        Social.expect(social.retweet(author, hidden), 202);
        assertEquals(List.of(hidden, deleted, kept), timeline(reader));

        Social.expect(api.delete("/api/tweets/manage_tweet/" + deleted + "/", null, author.access()), 202);
        Social.expect(api.put("/api/tweets/manage_tweet/" + hidden + "/", Map.of("public", false), stranger.access()), 202);
        assertEquals(List.of(kept), timeline(reader));
    }

    @Test
    void aPageBeyondTheHeldItemsComesFromTheQuery() {
        TestUser reader = social.user("deep");
        TestUser author = social.user("prolific");
        social.follow(reader, author);
        for (int i = 0; i < 5; i++) {
            social.tweet(author, "old " + i);
        }
        List<Long> all = timeline(reader);
        assertEquals(5, all.size());
        List<Long> paged = social.allPages("/api/tweets/tweets_list/?limit=2", reader).stream()
                .map(item -> item.get("tweet_id").asLong()).toList();
        assertEquals(all, paged);
        assertFalse(paged.isEmpty());
        assertTrue(cache.pagesServed() > 0);
    }

    private static List<Long> timeline(TestUser reader) {
        Api.Res res = api.get("/api/tweets/tweets_list/", reader.access());
        Social.expect(res, 200);
        return Social.tweetIds(res);
    }
}
