package dev.raven.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replying, reading replies, deleting them, and liking them: every route's success and error paths. */
@WithServer(social = true)
class RepliesTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    @AfterEach
    void countersStayRight() {
        Counters.assertAllConsistent(jdbi);
    }

    static String replies(long tweetId) {
        return "/api/tweets/replies/replies_list/" + tweetId + "/";
    }

    @Test
    void replyingAnswers202WithExactlyTheContractsKeys() {
        TestUser author = social.user("op");
        TestUser replier = social.user("replier");
        long tweet = social.tweet(author, "what do you think?");
        Instant before = Instant.now().minusSeconds(1);

        Api.Res res = social.postReply(replier, tweet, Map.of("content", "I agree"));

        assertEquals(202, res.status(), res.body());
        JsonNode r = res.json();
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("reply_id", "tweet", "user", "content", "username", "alias", "image_url", "media",
                "media_url", "number_of_likes", "liked", "timestamp", "mentions", "tags"), keys); // issue 14 added the last two
        assertTrue(r.get("reply_id").asLong() >= 900000, "a reply id, not a tweet id");
        assertEquals(tweet, r.get("tweet").asLong());
        assertEquals(replier.userId(), r.get("user").asLong());
        assertEquals("I agree", r.get("content").asText());
        assertEquals(replier.username(), r.get("username").asText());
        assertEquals("Alias of " + replier.username(), r.get("alias").asText());
        assertTrue(r.get("image_url").isNull());
        assertFalse(r.get("media").asBoolean());
        assertTrue(r.get("media_url").isNull());
        assertEquals(0, r.get("number_of_likes").asLong());
        assertFalse(r.get("liked").asBoolean());
        assertTrue(r.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        Instant at = Instant.parse(r.get("timestamp").asText());
        assertTrue(at.isAfter(before) && at.isBefore(Instant.now().plus(1, ChronoUnit.SECONDS)));

        assertEquals(1, social.tweetAs(replier, tweet).get("number_of_replies").asLong());
        JsonNode profile = social.profileAs(author, replier);
        assertEquals(1, profile.get("number_of_tweets_and_replies").asLong());
        assertEquals(0, profile.get("number_of_tweets").asLong());
        assertEquals(1, social.profileAs(author, author).get("number_of_tweets_and_replies").asLong());
    }

    @Test
    void aReplyWithMediaNeedsNoTextAndDoesNotCountAsTheUsersMedia() {
        TestUser author = social.user("pics");
        TestUser replier = social.user("picreply");
        long tweet = social.tweet(author, "show me");
        Api.Res res = social.postReply(replier, tweet, Map.of("media", true, "media_url", "https://img.example/r.png"));

        assertEquals(202, res.status(), res.body());
        assertTrue(res.json().get("media").asBoolean());
        assertEquals("https://img.example/r.png", res.json().get("media_url").asText());
        assertEquals("", res.json().get("content").asText());
        assertEquals(0, social.profileAs(replier, replier).get("number_of_media").asLong(),
                "number_of_media counts own tweets with media only");
        Api.Res urlOnly = social.postReply(replier, tweet, Map.of("media_url", "http://img.example/s.png"));
        assertEquals(202, urlOnly.status(), urlOnly.body());
        assertTrue(urlOnly.json().get("media").asBoolean());
    }

    @Test
    void anEmptyReplyIs400WithTheContractsMessage() {
        TestUser author = social.user("quiet");
        long tweet = social.tweet(author, "say something");
        for (Object body : List.of(Map.of(), Map.of("content", ""), Map.of("content", "   \n\t"),
                Map.of("content", "", "media_url", ""), Map.of("media", false))) {
            Api.Res res = social.postReply(author, tweet, body);
            assertEquals(400, res.status(), body + " -> " + res.body());
            assertEquals("You cant post an empty Reply !", res.json().get("message").asText());
            assertEquals("You cant post an empty Reply !", res.json().at("/errors/content/0").asText());
        }
        assertEquals(0, social.tweetAs(author, tweet).get("number_of_replies").asLong());
    }

    @Test
    void replyContentIsAtMost280CodePointsAndMediaMustBeAnHttpUrl() {
        TestUser author = social.user("limits");
        long tweet = social.tweet(author, "limits");
        String emoji = "\uD83D\uDE00"; // one code point, two UTF-16 chars
        assertEquals(202, social.postReply(author, tweet, Map.of("content", emoji.repeat(280))).status());
        assertEquals(202, social.postReply(author, tweet, Map.of("content", "x".repeat(280))).status());
        Api.Res tooLong = social.postReply(author, tweet, Map.of("content", "x".repeat(281)));
        assertEquals(400, tooLong.status());
        assertEquals("Ensure this field has no more than 280 characters.", tooLong.json().at("/errors/content/0").asText());

        Map<Object, String> badMedia = Map.of(
                Map.of("content", "a", "media_url", "ftp://img.example/x.png"), "media_url",
                Map.of("content", "a", "media_url", "not a url"), "media_url",
                Map.of("content", "a", "media", true), "media_url",
                Map.of("content", "a", "media", false, "media_url", "https://img.example/x.png"), "media",
                Map.of("content", "a", "media_url", "https://img.example/" + "x".repeat(2048)), "media_url");
        badMedia.forEach((body, field) -> {
            Api.Res res = social.postReply(author, tweet, body);
            assertEquals(400, res.status(), body + " -> " + res.body());
            assertTrue(res.json().get("errors").has(field), res.body());
        });
        assertEquals(2, social.tweetAs(author, tweet).get("number_of_replies").asLong());
    }

    @Test
    void malformedBodiesAndWrongTypesAre400() {
        TestUser author = social.user("typo");
        long tweet = social.tweet(author, "types");
        String path = replies(tweet);
        Api.Res malformed = api.raw("POST", path, "{\"content\": ", author.access());
        assertEquals(400, malformed.status());
        assertEquals("malformed_json", malformed.json().get("code").asText());
        Api.Res number = api.raw("POST", path, "{\"content\": 5}", author.access());
        assertEquals(400, number.status());
        assertTrue(number.json().get("errors").has("content"));
        assertEquals(400, api.raw("POST", path, "{\"media\": \"yes\", \"content\": \"a\"}", author.access()).status());
        assertEquals(400, api.raw("POST", path, "[1, 2]", author.access()).status());
        assertEquals(0, social.tweetAs(author, tweet).get("number_of_replies").asLong());
    }

    @Test
    void replyingToAMissingTweetOrABadIdIs404() {
        TestUser user = social.user("lost");
        for (String id : List.of("999999999", "0", "-3", "abc", "1.5")) {
            Api.Res post = api.post("/api/tweets/replies/replies_list/" + id + "/", Map.of("content", "hi"),
                    user.access());
            assertEquals(404, post.status(), id + " -> " + post.body());
            assertEquals("not_found", post.json().get("code").asText());
            assertEquals(404, api.get("/api/tweets/replies/replies_list/" + id + "/", user.access()).status(), id);
        }
    }

    @Test
    void aTweetsRepliesAreListedNewestFirstWithTheViewersFlags() {
        TestUser author = social.user("thread");
        TestUser a = social.user("ra");
        TestUser b = social.user("rb");
        long tweet = social.tweet(author, "thread");
        long first = social.reply(a, tweet, "first");
        long second = social.reply(b, tweet, "second");
        long third = social.reply(a, tweet, "third");
        social.reply(a, social.tweet(author, "other"), "elsewhere");
        social.likeReply(b, first);
        social.likeReply(author, first);

        Api.Res res = api.get(replies(tweet), b.access());
        assertEquals(200, res.status(), res.body());
        JsonNode list = res.json();
        assertEquals(List.of(third, second, first), replyIds(list));
        assertEquals(2, list.get(2).get("number_of_likes").asLong());
        assertTrue(list.get(2).get("liked").asBoolean(), "b liked the first reply");
        assertFalse(list.get(0).get("liked").asBoolean());
        assertFalse(api.get(replies(tweet), a.access()).json().get(2).get("liked").asBoolean());
        assertEquals(a.username(), list.get(0).get("username").asText());
        assertEquals(tweet, list.get(0).get("tweet").asLong());

        List<JsonNode> paged = social.allPages(replies(tweet) + "?limit=2", author);
        assertEquals(List.of(third, second, first), replyIds(paged));
        assertEquals("[]", api.get(replies(social.tweet(author, "no replies")), a.access()).body());
    }

    @Test
    void theAuthorDeletesAReplyWithItsLikesAndEveryCountFollows() {
        TestUser author = social.user("deltweet");
        TestUser replier = social.user("delreply");
        TestUser fan = social.user("delfan");
        long tweet = social.tweet(author, "reply then delete");
        long reply = social.reply(replier, tweet, "oops");
        long kept = social.reply(replier, tweet, "keep");
        social.likeReply(fan, reply);
        social.likeReply(replier, reply);
        assertEquals(2, social.tweetAs(fan, tweet).get("number_of_replies").asLong());
        assertEquals(1, social.profileAs(fan, fan).get("number_of_likes").asLong());

        Api.Res notAuthor = social.deleteReply(author, reply);
        assertEquals(403, notAuthor.status(), "the tweet's author does not own the reply");
        assertEquals("permission_denied", notAuthor.json().get("code").asText());
        assertEquals(403, social.deleteReply(fan, reply).status());

        Api.Res res = social.deleteReply(replier, reply);
        assertEquals(202, res.status(), res.body());
        assertEquals("Reply with id " + reply + " deleted", res.json().get("message").asText());

        assertEquals(1, social.tweetAs(fan, tweet).get("number_of_replies").asLong());
        assertEquals(0, social.profileAs(fan, fan).get("number_of_likes").asLong());
        assertEquals(0, social.profileAs(fan, replier).get("number_of_likes").asLong());
        assertEquals(1, social.profileAs(fan, replier).get("number_of_tweets_and_replies").asLong());
        assertEquals(List.of(kept), replyIds(api.get(replies(tweet), fan.access()).json()));
        assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM reply_likes WHERE reply_id = ?", reply));

        assertEquals(404, social.deleteReply(replier, reply).status(), "already gone");
        assertEquals(404, social.toggleReplyLike(fan, reply).status());
        assertEquals(404, api.get("/api/tweets/replies/get_reply_like_list/" + reply + "/", fan.access()).status());
        for (String id : List.of("999999999", "0", "abc")) {
            assertEquals(404, api.delete("/api/tweets/replies/delete/" + id + "/", null, replier.access()).status());
        }
    }

    @Test
    void likingAReplyTogglesWithTheContractsMessagesAndCounts() {
        TestUser author = social.user("likeop");
        TestUser replier = social.user("likereply");
        TestUser fan = social.user("likefan");
        long tweet = social.tweet(author, "like the replies");
        long reply = social.reply(replier, tweet, "like me");

        Api.Res added = social.toggleReplyLike(fan, reply);
        assertEquals(202, added.status(), added.body());
        assertEquals("Reply with id " + reply + " added to liked replies", added.json().get("message").asText());
        JsonNode seenByFan = api.get(replies(tweet), fan.access()).json().get(0);
        assertTrue(seenByFan.get("liked").asBoolean());
        assertEquals(1, seenByFan.get("number_of_likes").asLong());
        assertFalse(api.get(replies(tweet), author.access()).json().get(0).get("liked").asBoolean(),
                "liked is the viewer's");
        assertEquals(1, social.profileAs(author, fan).get("number_of_likes").asLong());
        assertEquals(0, social.tweetAs(fan, tweet).get("number_of_likes").asLong(), "the tweet's likes are its own");

        social.like(fan, tweet);
        assertEquals(2, social.profileAs(author, fan).get("number_of_likes").asLong(), "tweets + replies liked");

        Api.Res removed = social.toggleReplyLike(fan, reply);
        assertEquals(202, removed.status());
        assertEquals("Reply with id " + reply + " removed from liked replies", removed.json().get("message").asText());
        assertEquals(0, api.get(replies(tweet), fan.access()).json().get(0).get("number_of_likes").asLong());
        assertEquals(1, social.profileAs(author, fan).get("number_of_likes").asLong());

        for (String id : List.of("999999999", "0", "abc")) {
            assertEquals(404, api.put("/api/tweets/replies/liked_replies_list/" + id + "/", null, fan.access())
                    .status(), id);
        }
        assertEquals(404, social.toggleReplyLike(fan, tweet).status(), "a tweet id is not a reply id");
    }

    @Test
    void theReplyLikeListGivesProfileBriefsNewestFirst() {
        TestUser author = social.user("llop");
        TestUser replier = social.user("llreply");
        TestUser friend = social.user("llfriend");
        TestUser viewer = social.user("llviewer");
        long tweet = social.tweet(author, "who likes it");
        long reply = social.reply(replier, tweet, "popular reply");
        social.likeReply(friend, reply);
        social.likeReply(author, reply);
        social.follow(viewer, friend);
        social.follow(friend, author);

        Api.Res res = api.get("/api/tweets/replies/get_reply_like_list/" + reply + "/", viewer.access());
        assertEquals(200, res.status(), res.body());
        JsonNode list = res.json();
        assertEquals(2, list.size());
        JsonNode first = list.get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "user_id", "alias", "username", "number_of_followers", "image_url", "related"), keys);
        assertEquals(author.profileId(), first.get("id").asLong());
        assertEquals(author.userId(), first.get("user_id").asLong());
        assertEquals(1, first.get("number_of_followers").asLong());
        assertEquals(friend.profileId(), first.at("/related/0/id").asLong(), "a follower the viewer follows");
        assertEquals(friend.profileId(), list.get(1).get("id").asLong());

        List<JsonNode> paged = social.allPages("/api/tweets/replies/get_reply_like_list/" + reply + "/?limit=1",
                viewer);
        assertEquals(List.of(author.profileId(), friend.profileId()),
                paged.stream().map(n -> n.get("id").asLong()).toList());
        assertEquals("[]", api.get("/api/tweets/replies/get_reply_like_list/" + social.reply(author, tweet, "lonely")
                + "/", viewer.access()).body());
    }

    @Test
    void deletingTheParentTweetTakesItsRepliesAndTheirLikesAndFixesEveryCount() {
        TestUser author = social.user("parent");
        TestUser replier = social.user("child");
        TestUser fan = social.user("childfan");
        long tweet = social.tweet(author, "going away");
        long other = social.tweet(author, "staying");
        long r1 = social.reply(replier, tweet, "one");
        long r2 = social.reply(replier, tweet, "two");
        long own = social.reply(author, tweet, "the author's own reply");
        long staying = social.reply(replier, other, "stays");
        social.likeReply(fan, r1);
        social.likeReply(fan, r2);
        social.likeReply(fan, staying);
        social.likeReply(author, r1);
        social.likeReply(replier, own);
        social.like(fan, tweet);
        Counters.assertAllConsistent(jdbi);

        Social.expect(api.delete("/api/tweets/manage_tweet/" + tweet + "/", null, author.access()), 202);

        assertEquals(1, social.profileAs(fan, fan).get("number_of_likes").asLong(), "only the staying reply");
        assertEquals(1, social.profileAs(fan, replier).get("number_of_tweets_and_replies").asLong());
        assertEquals(0, social.profileAs(fan, replier).get("number_of_likes").asLong());
        JsonNode authorProfile = social.profileAs(fan, author);
        assertEquals(1, authorProfile.get("number_of_tweets_and_replies").asLong());
        assertEquals(0, authorProfile.get("number_of_likes").asLong());
        assertEquals(1, social.tweetAs(fan, other).get("number_of_replies").asLong());
        for (long gone : List.of(r1, r2, own)) {
            assertEquals(404, social.toggleReplyLike(fan, gone).status());
            assertEquals(0, Counters.count(jdbi, "SELECT COUNT(*) FROM replies WHERE id = ?", gone));
        }
        assertEquals(404, api.get(replies(tweet), fan.access()).status());
        assertEquals(404, social.postReply(fan, tweet, Map.of("content", "too late")).status());
    }

    @Test
    void everyReplyRouteNeedsAToken() {
        TestUser author = social.user("tokenless");
        long tweet = social.tweet(author, "t");
        long reply = social.reply(author, tweet, "r");
        List<Api.Res> answers = List.of(
                api.post(replies(tweet), Map.of("content", "x"), null),
                api.get(replies(tweet), null),
                api.get("/api/tweets/replies/get_user_tweets_and_replies/" + author.userId() + "/", null),
                api.get("/api/tweets/replies/get_user_replies/" + author.userId() + "/", null),
                api.delete("/api/tweets/replies/delete/" + reply + "/", null, null),
                api.put("/api/tweets/replies/liked_replies_list/" + reply + "/", null, null),
                api.get("/api/tweets/replies/get_reply_like_list/" + reply + "/", null));
        for (Api.Res res : answers) {
            assertEquals(401, res.status(), res.body());
            assertEquals("not_authenticated", res.json().get("code").asText());
            assertTrue(res.header("WWW-Authenticate").startsWith("JWT"));
        }
        assertEquals(1, social.tweetAs(author, tweet).get("number_of_replies").asLong(), "nothing changed");
        assertEquals(202, social.deleteReply(author, reply).status());
    }

    @Test
    void listsRejectBadLimits() {
        TestUser author = social.user("badlimit");
        long tweet = social.tweet(author, "t");
        long reply = social.reply(author, tweet, "r");
        for (String path : List.of(replies(tweet), "/api/tweets/replies/get_reply_like_list/" + reply + "/",
                "/api/tweets/replies/get_user_replies/" + author.userId() + "/",
                "/api/tweets/replies/get_user_tweets_and_replies/" + author.userId() + "/")) {
            Api.Res res = api.get(path + "?limit=0", author.access());
            assertEquals(400, res.status(), path);
            assertTrue(res.json().get("errors").has("limit"));
            assertEquals(400, api.get(path + "?cursor=abc", author.access()).status(), path);
        }
        assertNull(Social.nextLink(api.get(replies(tweet) + "?limit=1", author.access())));
    }

    static List<Long> replyIds(Iterable<JsonNode> replies) {
        List<Long> ids = new ArrayList<>();
        replies.forEach(r -> ids.add(r.get("reply_id").asLong()));
        return ids;
    }
}
