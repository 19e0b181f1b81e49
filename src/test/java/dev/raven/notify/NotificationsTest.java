package dev.raven.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications: every kind, none for acting on your own things, grouping of likes, removal
 * on undo (while unread), visibility, read markers and the unread count, per-kind settings,
 * paging, and the mentions the API reports in Tweets and Replies.
 */
@WithServer(social = true)
class NotificationsTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;

    static List<JsonNode> notifications(TestUser user) {
        Api.Res res = api.get("/api/notifications/", user.access());
        Social.expect(res, 200);
        List<JsonNode> items = new ArrayList<>();
        res.json().forEach(items::add);
        return items;
    }

    static List<String> kinds(TestUser user) {
        return notifications(user).stream().map(n -> n.get("kind").asText()).toList();
    }

    static int unread(TestUser user) {
        Api.Res res = api.get("/api/notifications/unread_count/", user.access());
        Social.expect(res, 200);
        return res.json().get("unread_count").asInt();
    }

    static long tweet(TestUser author, String content, boolean isPublic) {
        return social.tweet(author, Social.body(content, null, isPublic));
    }

    @Test
    void everyKindIsNotifiedWithWhoWhatWhichPostAndWhen() {
        TestUser me = social.user("me");
        TestUser other = social.user("other");
        long tweet = social.tweet(me, "my tweet");
        long myReply = social.reply(me, social.tweet(other, "their tweet"), "my reply");

        social.like(other, tweet);
        Social.expect(social.retweet(other, tweet), 202);
        long reply = social.reply(other, tweet, "nice");
        social.likeReply(other, myReply);
        social.follow(other, me);
        long mention = social.tweet(other, "hello @" + me.username());
        long mentionInReply = social.reply(other, social.tweet(other, "thread"), "cc @" + me.username().toUpperCase());

        List<JsonNode> items = notifications(me);
        assertEquals(List.of("mention", "mention", "follow", "reply_like", "reply", "retweet", "like"),
                items.stream().map(n -> n.get("kind").asText()).toList());
        for (JsonNode n : items) {
            assertEquals(other.userId(), n.get("actor").get("user_id").asLong());
            assertEquals(other.username(), n.get("actor").get("username").asText());
            assertFalse(n.get("read").asBoolean());
            assertTrue(n.get("timestamp").asText().endsWith("Z"));
            assertEquals(1, n.get("count").asInt());
        }
        assertEquals(mentionInReply, items.get(0).get("reply_id").asLong());
        assertEquals("cc @" + me.username().toUpperCase(), items.get(0).get("content").asText());
        assertEquals(mention, items.get(1).get("tweet_id").asLong());
        assertTrue(items.get(1).get("reply_id").isNull());
        assertTrue(items.get(2).get("tweet_id").isNull());
        assertEquals(myReply, items.get(3).get("reply_id").asLong());
        assertEquals(reply, items.get(4).get("reply_id").asLong());
        assertEquals(tweet, items.get(4).get("tweet_id").asLong());
        assertEquals(tweet, items.get(6).get("tweet_id").asLong());
        assertEquals("my tweet", items.get(6).get("content").asText());
        assertEquals(7, unread(me));
        assertEquals(List.of("reply"), kinds(other), "the actor hears only of my reply to their tweet");
    }

    @Test
    void actingOnYourOwnThingsNotifiesNobody() {
        TestUser me = social.user("self");
        long tweet = social.tweet(me, "talking to @" + me.username());
        social.like(me, tweet);
        Social.expect(social.retweet(me, tweet), 202);
        social.likeReply(me, social.reply(me, tweet, "me again @" + me.username()));
        assertEquals(List.of(), kinds(me));
        assertEquals(0, unread(me));
    }

    @Test
    void likesOfOnePostAreGroupedWithACount() {
        TestUser me = social.user("popular");
        long tweet = social.tweet(me, "like me");
        long other = social.tweet(me, "and me");
        List<TestUser> fans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestUser fan = social.user("fan");
            fans.add(fan);
            social.like(fan, tweet);
        }
        social.like(fans.get(0), other);

        List<JsonNode> items = notifications(me);
        assertEquals(2, items.size(), items.toString());
        assertEquals(other, items.get(0).get("tweet_id").asLong());
        assertEquals(1, items.get(0).get("count").asInt());
        JsonNode group = items.get(1);
        assertEquals(tweet, group.get("tweet_id").asLong());
        assertEquals(4, group.get("count").asInt());
        assertEquals(fans.get(3).userId(), group.get("actor").get("user_id").asLong(), "the newest like leads");
        assertEquals(3, group.get("actors").size());
        assertEquals(5, unread(me), "the count counts every like");
    }

    @Test
    void undoingAnActionRemovesItsUnreadNotification() {
        TestUser me = social.user("undone");
        TestUser other = social.user("fickle");
        long tweet = social.tweet(me, "hmm");
        long myReply = social.reply(me, tweet, "my own reply");
        social.like(other, tweet);
        Social.expect(social.retweet(other, tweet), 202);
        social.follow(other, me);
        social.likeReply(other, myReply);
        long reply = social.reply(other, tweet, "to be deleted");
        long mention = social.tweet(other, "hi @" + me.username());
        assertEquals(6, unread(me));

        Social.expect(social.toggleLike(other, tweet), 202);
        Social.expect(social.unretweet(other, tweet), 202);
        Social.expect(social.toggleFollow(other, me), 202);
        Social.expect(social.toggleReplyLike(other, myReply), 202);
        Social.expect(social.deleteReply(other, reply), 202);
        Social.expect(api.delete("/api/tweets/manage_tweet/" + mention + "/", null, other.access()), 202);

        assertEquals(List.of(), kinds(me));
        assertEquals(0, unread(me));
    }

    @Test
    void undoLeavesAReadNotificationInTheList() {
        TestUser me = social.user("reader");
        TestUser other = social.user("liker");
        long tweet = social.tweet(me, "read me");
        social.like(other, tweet);
        Social.expect(api.post("/api/notifications/read/", Map.of(), me.access()), 200);
        Social.expect(social.toggleLike(other, tweet), 202);
        List<JsonNode> items = notifications(me);
        assertEquals(1, items.size());
        assertTrue(items.get(0).get("read").asBoolean());
    }

    @Test
    void aMentionInAFollowersOnlyPostNotifiesOnlyThoseWhoMaySeeIt() {
        TestUser author = social.user("guarded");
        TestUser follower = social.user("insider");
        TestUser stranger = social.user("outsider");
        social.follow(follower, author);
        long tweet = tweet(author, "psst @" + follower.username() + " and @" + stranger.username(), false);

        assertEquals(List.of("mention"), kinds(follower));
        assertEquals(List.of(), kinds(stranger));
        assertEquals(0, unread(stranger));
        // The mention is recorded (the author's own view shows both), but reveals nothing to the stranger.
        JsonNode asAuthor = social.tweetAs(author, tweet);
        assertEquals(2, asAuthor.get("mentions").size());
        assertEquals(404, api.get("/api/tweets/get_tweet/" + tweet + "/", stranger.access()).status());

        // A reply mentioning the stranger under that tweet notifies nobody either.
        social.reply(follower, tweet, "@" + stranger.username() + " look");
        assertEquals(List.of(), kinds(stranger));
    }

    @Test
    void aNotificationAboutAPostTheRecipientCanNoLongerSeeIsHidden() {
        TestUser author = social.user("closer");
        TestUser follower = social.user("former");
        social.follow(follower, author);
        tweet(author, "for friends @" + follower.username(), false);
        assertEquals(1, unread(follower));
        Social.expect(social.toggleFollow(follower, author), 202); // unfollows
        assertEquals(List.of(), kinds(follower));
        assertEquals(0, unread(follower));
    }

    @Test
    void readMarkersMoveForwardOnly() {
        TestUser me = social.user("marker");
        TestUser other = social.user("busy");
        social.follow(other, me);
        long tweet = social.tweet(me, "x");
        social.like(other, tweet);
        Social.expect(social.retweet(other, tweet), 202);
        List<JsonNode> items = notifications(me);
        long middle = items.get(1).get("id").asLong();

        Api.Res res = api.post("/api/notifications/read/", Map.of("up_to", middle), me.access());
        Social.expect(res, 200);
        assertEquals(1, res.json().get("unread_count").asInt());
        List<Boolean> read = notifications(me).stream().map(n -> n.get("read").asBoolean()).toList();
        assertEquals(List.of(false, true, true), read);

        Social.expect(api.post("/api/notifications/read/", Map.of("up_to", items.get(2).get("id").asLong()),
                me.access()), 200);
        assertEquals(1, unread(me), "an older id does not mark anything unread again");

        Api.Res all = api.post("/api/notifications/read/", null, me.access());
        Social.expect(all, 200);
        assertEquals(0, all.json().get("unread_count").asInt());
        assertTrue(notifications(me).stream().allMatch(n -> n.get("read").asBoolean()));
    }

    @Test
    void settingsTurnKindsOff() {
        TestUser me = social.user("quiet");
        TestUser other = social.user("noisy");
        Api.Res defaults = api.get("/api/notifications/settings/", me.access());
        Social.expect(defaults, 200);
        assertEquals(Map.of("likes", true, "retweets", true, "replies", true, "follows", true, "mentions", true),
                asMap(defaults.json()));

        Api.Res changed = api.put("/api/notifications/settings/", Map.of("likes", false, "follows", false),
                me.access());
        Social.expect(changed, 200);
        assertFalse(changed.json().get("likes").asBoolean());
        assertTrue(changed.json().get("replies").asBoolean());

        long tweet = social.tweet(me, "quiet please");
        social.like(other, tweet);
        social.follow(other, me);
        long reply = social.reply(me, tweet, "self reply");
        social.likeReply(other, reply);
        social.reply(other, tweet, "a reply still counts");
        assertEquals(List.of("reply"), kinds(me));
        assertFalse(api.get("/api/notifications/settings/", me.access()).json().get("likes").asBoolean());
    }

    static Map<String, Boolean> asMap(JsonNode node) {
        Map<String, Boolean> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asBoolean()));
        return map;
    }

    @Test
    void badInputIsA400AndNoTokenA401() {
        TestUser me = social.user("picky");
        assertEquals(400, api.put("/api/notifications/settings/", Map.of("likes", "maybe"), me.access()).status());
        assertEquals(400, api.raw("PUT", "/api/notifications/settings/", "[", me.access()).status());
        assertEquals(400, api.post("/api/notifications/read/", Map.of("up_to", 0), me.access()).status());
        assertEquals(400, api.post("/api/notifications/read/", Map.of("up_to", "x"), me.access()).status());
        assertEquals(400, api.get("/api/notifications/?limit=0", me.access()).status());
        assertEquals(400, api.get("/api/notifications/?cursor=not-a-cursor", me.access()).status());
        assertEquals(401, api.get("/api/notifications/", null).status());
        assertEquals(401, api.get("/api/notifications/unread_count/", null).status());
        assertEquals(401, api.post("/api/notifications/read/", Map.of(), null).status());
        assertEquals(401, api.get("/api/notifications/settings/", null).status());
    }

    @Test
    void theListIsPagedWithLinkAndCostsTheSameStatementsForAnyPageSize() {
        TestUser me = social.user("famous");
        List<TestUser> followers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            TestUser f = social.user("follower");
            social.follow(f, me);
            followers.add(f);
        }
        List<JsonNode> all = social.allPages("/api/notifications/?limit=7", me);
        assertEquals(60, all.size());
        List<Long> ids = all.stream().map(n -> n.get("id").asLong()).toList();
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, ids, "newest first, no repeats");
        assertEquals(60, ids.stream().distinct().count());

        AtomicInteger statements = new AtomicInteger();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }

            @Override
            public void logException(StatementContext context, SQLException ex) {
                statements.incrementAndGet();
            }
        });
        try {
            Api.Res small = api.get("/api/notifications/?limit=5", me.access());
            int forSmall = statements.getAndSet(0);
            Api.Res large = api.get("/api/notifications/?limit=50", me.access());
            int forLarge = statements.getAndSet(0);
            assertEquals(5, small.json().size());
            assertEquals(50, large.json().size());
            assertNotNull(Social.nextLink(large));
            assertEquals(forSmall, forLarge);
            assertTrue(forLarge <= 4, "statements: " + forLarge);
        } finally {
            jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }

    @Test
    void tweetsAndRepliesReportTheMentionsTheyRecognised() {
        TestUser author = social.user("writer");
        TestUser named = social.user("named");
        Api.Res res = api.post("/api/tweets/tweets_list/", Map.of("content",
                "hi @" + named.username() + ", @nobody_by_this_name and mail@" + named.username() + " #Hello #hello"),
                author.access());
        Social.expect(res, 201);
        JsonNode mentions = res.json().get("mentions");
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(named.userId(), mentions.get(0).get("user_id").asLong());
        assertEquals(named.username(), mentions.get(0).get("username").asText());
        assertEquals("[\"hello\"]", res.json().get("tags").toString());

        long tweet = res.json().get("tweet_id").asLong();
        long reply = social.reply(author, tweet, "again @" + named.username());
        JsonNode replies = api.get("/api/tweets/replies/replies_list/" + tweet + "/", author.access()).json();
        assertEquals(reply, replies.get(0).get("reply_id").asLong());
        assertEquals(named.userId(), replies.get(0).get("mentions").get(0).get("user_id").asLong());

        JsonNode plain = social.tweetAs(author, social.tweet(author, "nobody here"));
        assertEquals(0, plain.get("mentions").size());
        assertEquals(0, plain.get("tags").size());
    }

    @Test
    void editingATweetNotifiesNewMentionsAndWithdrawsRemovedOnes() {
        TestUser author = social.user("editor");
        TestUser first = social.user("first");
        TestUser second = social.user("second");
        long tweet = social.tweet(author, "hey @" + first.username());
        assertEquals(List.of("mention"), kinds(first));

        Api.Res edited = api.put("/api/tweets/manage_tweet/" + tweet + "/",
                Map.of("content", "hey @" + second.username()), author.access());
        Social.expect(edited, 202);
        assertEquals(second.userId(), edited.json().get("mentions").get(0).get("user_id").asLong());
        assertEquals(List.of(), kinds(first));
        assertEquals(List.of("mention"), kinds(second));

        Social.expect(api.put("/api/tweets/manage_tweet/" + tweet + "/",
                Map.of("content", "hey @" + second.username() + "!"), author.access()), 202);
        assertEquals(1, notifications(second).size(), "an edit that keeps a mention does not repeat it");
    }

    @Test
    void deletingAnAccountTakesItsNotificationsWithIt() {
        TestUser me = social.user("stays");
        TestUser gone = social.user("goes");
        social.follow(gone, me);
        assertEquals(1, unread(me));
        Social.expect(api.delete("/api/auth/user/delete/", Map.of("refresh_token", gone.refresh()), gone.access()), 204);
        assertEquals(List.of(), kinds(me));
    }
}
