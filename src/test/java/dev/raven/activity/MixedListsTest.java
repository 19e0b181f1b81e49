package dev.raven.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mixed lists (get_user_tweets_and_replies, get_user_replies, get_liked,
 * get_user_media): a Tweet or {tweet, reply} per item, merged newest first, paged by keyset
 * across both kinds.
 */
@WithServer(social = true)
class MixedListsTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    static String tweetsAndReplies(TestUser user) {
        return "/api/tweets/replies/get_user_tweets_and_replies/" + user.userId() + "/";
    }

    static String userReplies(TestUser user) {
        return "/api/tweets/replies/get_user_replies/" + user.userId() + "/";
    }

    static String liked(TestUser user) {
        return "/api/tweets/get_liked/" + user.userId() + "/";
    }

    static String media(TestUser user) {
        return "/api/tweets/get_user_media/" + user.userId() + "/";
    }

    @Test
    void aReplyItemIsItsParentTweetAndTheReplyAsTheViewerSeesThem() {
        TestUser op = social.user("mixop");
        TestUser me = social.user("mixme");
        TestUser viewer = social.user("mixviewer");
        long tweet = social.tweet(op, "parent");
        long reply = social.reply(me, tweet, "child");
        social.like(viewer, tweet);
        social.likeReply(viewer, reply);

        JsonNode item = api.get(userReplies(me), viewer.access()).json().get(0);
        List<String> keys = new ArrayList<>();
        item.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tweet", "reply"), keys);
        assertEquals(tweet, item.at("/tweet/tweet_id").asLong());
        assertEquals(op.username(), item.at("/tweet/username").asText());
        assertEquals(1, item.at("/tweet/number_of_replies").asLong());
        assertTrue(item.at("/tweet/liked").asBoolean(), "the parent's flags are the viewer's");
        assertEquals(reply, item.at("/reply/reply_id").asLong());
        assertEquals(me.userId(), item.at("/reply/user").asLong());
        assertEquals("child", item.at("/reply/content").asText());
        assertTrue(item.at("/reply/liked").asBoolean());
        assertEquals(1, item.at("/reply/number_of_likes").asLong());
        assertFalse(api.get(userReplies(me), me.access()).json().get(0).at("/reply/liked").asBoolean());
    }

    @Test
    void tweetsAndRepliesInterleaveNewestFirst() {
        TestUser me = social.user("chatty");
        TestUser other = social.user("chattyfriend");
        long t1 = social.tweet(me, "t1");
        long theirs = social.tweet(other, "theirs");
        long r1 = social.reply(me, theirs, "r1");
        long t2 = social.tweet(me, "t2");
        long r2 = social.reply(me, t1, "r2 on my own tweet");
        social.reply(other, t2, "someone else's reply is not mine");
        long t3 = social.tweet(me, "t3");

        assertEquals(List.of("t" + t3, "r" + r2, "t" + t2, "r" + r1, "t" + t1),
                Social.itemKeys(api.get(tweetsAndReplies(me), other.access())));
        assertEquals(List.of("r" + r2, "r" + r1), Social.itemKeys(api.get(userReplies(me), other.access())));
        assertEquals(List.of(), Social.itemKeys(api.get(userReplies(social.user("silent")), other.access())));
        assertEquals(5, social.profileAs(other, me).get("number_of_tweets_and_replies").asLong());
        assertEquals(3, social.profileAs(other, me).get("number_of_tweets").asLong());
    }

    @Test
    void likedListsTweetsAndRepliesByTheTimeOfTheLike() {
        TestUser op = social.user("likedop");
        TestUser liker = social.user("liker");
        long a = social.tweet(op, "a");
        long b = social.tweet(op, "b");
        long ra = social.reply(op, a, "ra");
        long rb = social.reply(op, b, "rb");
        social.likeReply(liker, rb);
        social.like(liker, a);
        social.likeReply(liker, ra);
        social.like(liker, b);

        assertEquals(List.of("t" + b, "r" + ra, "t" + a, "r" + rb), Social.itemKeys(api.get(liked(liker), op.access())));
        assertEquals(4, social.profileAs(op, liker).get("number_of_likes").asLong());
        Social.expect(social.toggleReplyLike(liker, ra), 202);
        assertEquals(List.of("t" + b, "t" + a, "r" + rb), Social.itemKeys(api.get(liked(liker), op.access())));
    }

    @Test
    void mediaListsTweetsAndRepliesWithMediaOnly() {
        TestUser me = social.user("shutter");
        TestUser other = social.user("shutterfriend");
        long pic = social.mediaTweet(me, "pic", "https://img.example/1.png", true);
        social.tweet(me, "text only");
        long theirs = social.tweet(other, "theirs");
        long picReply = social.mediaReply(me, theirs, "pic reply", "https://img.example/2.png");
        social.reply(me, theirs, "text reply");
        social.mediaReply(other, pic, "their pic reply", "https://img.example/3.png");

        assertEquals(List.of("r" + picReply, "t" + pic), Social.itemKeys(api.get(media(me), other.access())));
        assertEquals(1, social.profileAs(other, me).get("number_of_media").asLong(), "own tweets with media only");
    }

    @Test
    void aMissingUserIs404AndAUserWithNothingIsAnEmptyList() {
        TestUser viewer = social.user("nobodyhome");
        for (String list : List.of("/api/tweets/replies/get_user_tweets_and_replies/",
                "/api/tweets/replies/get_user_replies/", "/api/tweets/get_liked/", "/api/tweets/get_user_media/")) {
            for (String id : List.of("999999999", "0", "abc")) {
                Api.Res res = api.get(list + id + "/", viewer.access());
                assertEquals(404, res.status(), list + id);
                assertEquals("not_found", res.json().get("code").asText());
            }
            assertEquals("[]", api.get(list + viewer.userId() + "/", viewer.access()).body());
            assertEquals(401, api.get(list + viewer.userId() + "/", null).status());
        }
    }

    @Test
    void pagesNeverRepeatOrSkipWhileTweetsAndRepliesArrive() {
        TestUser me = social.user("pager");
        TestUser other = social.user("pagerfriend");
        long theirs = social.tweet(other, "to reply to");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            if (i % 3 == 1) {
                expected.add(0, "r" + social.reply(me, theirs, "r" + i));
            } else {
                expected.add(0, "t" + social.tweet(me, "t" + i));
            }
        }
        List<String> seen = new ArrayList<>();
        String next = tweetsAndReplies(me) + "?limit=2";
        int arrivals = 0;
        while (next != null) {
            Api.Res page = api.get(next, other.access());
            List<String> keys = Social.itemKeys(page);
            assertTrue(keys.size() <= 2);
            seen.addAll(keys);
            // New items of both kinds arrive between page fetches: they sort before the cursor.
            if (arrivals++ % 2 == 0) {
                social.reply(me, theirs, "late reply");
            } else {
                social.tweet(me, "late tweet");
            }
            next = Social.nextLink(page);
        }
        assertEquals(expected, seen);
    }

    @Test
    void aTweetAndAReplyAtTheSameMicrosecondStillPageInAStrictOrder() {
        TestUser me = social.user("tied");
        long t1 = social.tweet(me, "t1");
        long r1 = social.reply(me, t1, "r1");
        long t2 = social.tweet(me, "t2");
        long r2 = social.reply(me, t2, "r2");
        Instant same = Instant.parse("2030-01-01T00:00:00.123456Z");
        jdbi.useHandle(h -> {
            h.createUpdate("UPDATE tweets SET created_at = :at WHERE id IN (:a, :b)")
                    .bind("at", same).bind("a", t1).bind("b", t2).execute();
            h.createUpdate("UPDATE replies SET created_at = :at WHERE id IN (:a, :b)")
                    .bind("at", same).bind("a", r1).bind("b", r2).execute();
        });
        // Ties sort by kind (replies first), then id, highest first.
        List<String> expected = List.of("r" + r2, "r" + r1, "t" + t2, "t" + t1);
        assertEquals(expected, Social.itemKeys(api.get(tweetsAndReplies(me), me.access())));
        List<JsonNode> oneByOne = social.allPages(tweetsAndReplies(me) + "?limit=1", me);
        assertEquals(expected, Social.itemKeys(oneByOne));
        Api.Res first = api.get(tweetsAndReplies(me) + "?limit=3", me.access());
        assertNotNull(Social.nextLink(first));
        Api.Res last = api.get(Social.nextLink(first), me.access());
        assertEquals(List.of("t" + t1), Social.itemKeys(last));
        assertNull(Social.nextLink(last));
    }

    @Test
    void everyMixedListPagesAcrossBothKinds() {
        TestUser me = social.user("allkinds");
        TestUser other = social.user("allkindsfriend");
        long theirs = social.tweet(other, "theirs");
        List<String> media = new ArrayList<>();
        List<String> liked = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = social.mediaTweet(me, "m" + i, "https://img.example/m" + i + ".png", true);
            media.add(0, "t" + t);
            long r = social.mediaReply(me, theirs, "mr" + i, "https://img.example/r" + i + ".png");
            media.add(0, "r" + r);
            replies.add(0, "r" + r);
            social.like(other, t);
            liked.add(0, "t" + t);
            social.likeReply(other, r);
            liked.add(0, "r" + r);
        }
        assertEquals(media, Social.itemKeys(social.allPages(media(me) + "?limit=3", other)));
        assertEquals(liked, Social.itemKeys(social.allPages(liked(other) + "?limit=3", me)));
        assertEquals(replies, Social.itemKeys(social.allPages(userReplies(me) + "?limit=2", other)));
    }
}
