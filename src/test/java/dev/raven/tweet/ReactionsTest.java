package dev.raven.tweet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Likes, saves and retweets: messages, counts and viewer flags from every side. */
@WithServer(social = true)
class ReactionsTest {
    static TestServer server;
    static Api api;
    static Social social;

    @Test
    void likeTogglesWithTheContractsMessagesAndCountsForActorAndOthers() {
        TestUser author = social.user("liked");
        TestUser actor = social.user("liker");
        TestUser third = social.user("onlooker");
        long id = social.tweet(author, "like me");

        Api.Res on = social.toggleLike(actor, id);
        assertEquals(202, on.status(), on.body());
        assertEquals("tweet with id " + id + " added to liked tweets", on.json().get("message").asText());
        JsonNode asActor = social.tweetAs(actor, id);
        assertEquals(1, asActor.get("number_of_likes").asLong());
        assertTrue(asActor.get("liked").asBoolean());
        JsonNode asThird = social.tweetAs(third, id);
        assertEquals(1, asThird.get("number_of_likes").asLong());
        assertFalse(asThird.get("liked").asBoolean(), "flags are the viewer's own");
        assertEquals(1, social.profileAs(third, actor).get("number_of_likes").asLong());
        assertEquals(0, social.profileAs(third, author).get("number_of_likes").asLong());

        Api.Res off = social.toggleLike(actor, id);
        assertEquals(202, off.status());
        assertEquals("tweet with id " + id + " removed from liked tweets", off.json().get("message").asText());
        asActor = social.tweetAs(actor, id);
        assertEquals(0, asActor.get("number_of_likes").asLong());
        assertFalse(asActor.get("liked").asBoolean());
        assertEquals(0, social.tweetAs(third, id).get("number_of_likes").asLong());
        assertEquals(0, social.profileAs(third, actor).get("number_of_likes").asLong());
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void saveTogglesAndTheSavedListIsTheCallersOwn() {
        TestUser author = social.user("saved");
        TestUser actor = social.user("saver");
        TestUser third = social.user("nosaver");
        long first = social.tweet(author, "one");
        long second = social.tweet(author, "two");

        Api.Res on = social.toggleSave(actor, first);
        assertEquals(202, on.status());
        assertEquals("tweet with id " + first + " added to saved tweets", on.json().get("message").asText());
        Social.expect(social.toggleSave(actor, second), 202);
        Social.expect(social.toggleSave(third, second), 202);

        JsonNode asActor = social.tweetAs(actor, first);
        assertTrue(asActor.get("saved").asBoolean());
        assertEquals(1, asActor.get("number_of_saves").asLong());
        assertFalse(social.tweetAs(author, first).get("saved").asBoolean());
        assertEquals(2, social.tweetAs(author, second).get("number_of_saves").asLong());

        Api.Res list = api.get("/api/tweets/get_saved_tweets/", actor.access());
        assertEquals(200, list.status());
        assertEquals(List.of(second, first), Social.tweetIds(list), "newest save first");
        assertTrue(list.json().get(0).get("saved").asBoolean());
        assertEquals(List.of(second), Social.tweetIds(api.get("/api/tweets/get_saved_tweets/", third.access())));

        Api.Res off = social.toggleSave(actor, first);
        assertEquals("tweet with id " + first + " removed from saved tweets", off.json().get("message").asText());
        assertEquals(List.of(second), Social.tweetIds(api.get("/api/tweets/get_saved_tweets/", actor.access())));
        assertEquals(0, social.tweetAs(third, first).get("number_of_saves").asLong());
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void retweetAndUndoWithConflictAndNotFound() {
        TestUser author = social.user("rted");
        TestUser actor = social.user("rter");
        TestUser third = social.user("rtlooker");
        long id = social.tweet(author, "share me");

        Api.Res first = social.retweet(actor, id);
        assertEquals(202, first.status(), first.body());
        assertEquals("tweet with id " + id + " retweeted", first.json().get("message").asText());
        Api.Res again = social.retweet(actor, id);
        assertEquals(409, again.status());
        assertEquals("Already retweeted", again.json().get("message").asText());
        JsonNode asActor = social.tweetAs(actor, id);
        assertTrue(asActor.get("retweeted").asBoolean());
        assertEquals(1, asActor.get("number_of_retweets").asLong());
        JsonNode asThird = social.tweetAs(third, id);
        assertFalse(asThird.get("retweeted").asBoolean());
        assertEquals(1, asThird.get("number_of_retweets").asLong());

        Api.Res undo = social.unretweet(actor, id);
        assertEquals(202, undo.status());
        assertEquals("tweet with id " + id + " un-retweeted", undo.json().get("message").asText());
        Api.Res undoAgain = social.unretweet(actor, id);
        assertEquals(404, undoAgain.status());
        assertEquals("not_found", undoAgain.json().get("code").asText());
        assertEquals(0, social.tweetAs(third, id).get("number_of_retweets").asLong());
        assertFalse(social.tweetAs(actor, id).get("retweeted").asBoolean());

        Social.expect(social.retweet(author, id), 202); // one's own tweet may be retweeted too
        assertEquals(1, social.tweetAs(third, id).get("number_of_retweets").asLong());
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void reactionsOnMissingTweetsAre404() {
        TestUser actor = social.user("ghost");
        for (Api.Res res : List.of(social.toggleLike(actor, 999_999_999L), social.toggleSave(actor, 999_999_999L),
                social.retweet(actor, 999_999_999L), social.unretweet(actor, 999_999_999L),
                api.put("/api/tweets/liked_tweets_list/abc/", null, actor.access()),
                api.get("/api/tweets/get_tweet_like_list/999999999/", actor.access()),
                api.get("/api/tweets/retweet_list/999999999/", actor.access()),
                api.get("/api/tweets/get_liked/999999999/", actor.access()))) {
            assertEquals(404, res.status(), res.body());
            assertEquals("not_found", res.json().get("code").asText());
        }
    }

    @Test
    void likersAndRetweetersAreProfileBriefsNewestFirst() {
        TestUser author = social.user("popular");
        TestUser viewer = social.user("watcher");
        TestUser a = social.user("la");
        TestUser b = social.user("lb");
        long id = social.tweet(author, "likeable");
        social.like(a, id);
        social.like(b, id);
        Social.expect(social.retweet(b, id), 202);
        Social.expect(social.retweet(a, id), 202);
        social.follow(viewer, b);
        social.follow(b, a); // so b is a follower of a whom the viewer follows

        Api.Res likers = api.get("/api/tweets/get_tweet_like_list/" + id + "/", viewer.access());
        assertEquals(200, likers.status());
        assertEquals(List.of(b.profileId(), a.profileId()), profileIds(likers.json()));
        JsonNode briefA = likers.json().get(1);
        List<String> keys = new ArrayList<>();
        briefA.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "user_id", "alias", "username", "number_of_followers", "image_url", "related"), keys);
        assertEquals(a.userId(), briefA.get("user_id").asLong());
        assertEquals(a.username(), briefA.get("username").asText());
        assertEquals(1, briefA.get("number_of_followers").asLong());
        assertEquals(1, briefA.get("related").size());
        assertEquals(b.profileId(), briefA.at("/related/0/id").asLong());
        assertEquals(b.username(), briefA.at("/related/0/username").asText());

        Api.Res retweeters = api.get("/api/tweets/retweet_list/" + id + "/", viewer.access());
        assertEquals(200, retweeters.status());
        assertEquals(List.of(a.profileId(), b.profileId()), profileIds(retweeters.json()));
    }

    static List<Long> profileIds(JsonNode briefs) {
        List<Long> ids = new ArrayList<>();
        briefs.forEach(b -> ids.add(b.get("id").asLong()));
        return ids;
    }
}
