package dev.raven.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures for the social routes: users, tweets, follows and reactions, each checked as it is made. */
public final class Social {
    private final Api api;

    public Social(Api api) {
        this.api = api;
    }

    /**
     * A server for social tests: rate limits off (they register many users from one
     * address), and profile, tweet and reply ids started far from user ids and from each
     * other, so that a route which mixes up two kinds of id cannot pass by luck.
     */
    public static TestServer startServer() {
        return startServer(Map.of());
    }

    /** {@link #startServer()} with more settings. */
    public static TestServer startServer(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("ratelimit.enabled", "false");
        TestServer server = TestServer.start(all);
        server.app().database().jdbi().useHandle(h -> {
            h.execute("ALTER TABLE profiles ALTER COLUMN id RESTART WITH 100000");
            h.execute("ALTER TABLE tweets ALTER COLUMN id RESTART WITH 500000");
            h.execute("ALTER TABLE replies ALTER COLUMN id RESTART WITH 900000");
            h.execute("ALTER TABLE notifications ALTER COLUMN id RESTART WITH 700000");
        });
        return server;
    }

    public TestUser user(String prefix) {
        return api.register(Api.uniqueName(prefix));
    }

    /** Posts a public text tweet and returns its id. */
    public long tweet(TestUser author, String content) {
        return tweet(author, body(content, null, true));
    }

    public long privateTweet(TestUser author, String content) {
        return tweet(author, body(content, null, false));
    }

    public long mediaTweet(TestUser author, String content, String mediaUrl, boolean isPublic) {
        return tweet(author, body(content, mediaUrl, isPublic));
    }

    public long tweet(TestUser author, Map<String, Object> body) {
        Api.Res res = api.post("/api/tweets/tweets_list/", body, author.access());
        expect(res, 201);
        return res.json().get("tweet_id").asLong();
    }

    public static Map<String, Object> body(String content, String mediaUrl, boolean isPublic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        if (mediaUrl != null) {
            body.put("media", true);
            body.put("media_url", mediaUrl);
        }
        body.put("public", isPublic);
        return body;
    }

    /** Makes {@code follower} follow {@code followed} (which must not be followed yet). */
    public void follow(TestUser follower, TestUser followed) {
        Api.Res res = toggleFollow(follower, followed);
        expect(res, 202);
        if (!res.json().get("message").asText().endsWith("added to following")) {
            throw new AssertionError("expected a follow, got " + res);
        }
    }

    public Api.Res toggleFollow(TestUser follower, TestUser followed) {
        return api.put("/api/profiles/follow_status/" + followed.profileId() + "/", null, follower.access());
    }

    public Api.Res toggleLike(TestUser user, long tweetId) {
        return api.put("/api/tweets/liked_tweets_list/" + tweetId + "/", null, user.access());
    }

    public Api.Res toggleSave(TestUser user, long tweetId) {
        return api.put("/api/tweets/saved_tweets_list/" + tweetId + "/", null, user.access());
    }

    public Api.Res retweet(TestUser user, long tweetId) {
        return api.post("/api/tweets/retweet_list/" + tweetId + "/", null, user.access());
    }

    public Api.Res unretweet(TestUser user, long tweetId) {
        return api.delete("/api/tweets/retweet_list/" + tweetId + "/", null, user.access());
    }

    public void like(TestUser user, long tweetId) {
        expect(toggleLike(user, tweetId), 202);
    }

    /** Replies to a tweet with text and returns the reply id. */
    public long reply(TestUser author, long tweetId, String content) {
        return reply(author, tweetId, replyBody(content, null));
    }

    public long mediaReply(TestUser author, long tweetId, String content, String mediaUrl) {
        return reply(author, tweetId, replyBody(content, mediaUrl));
    }

    public long reply(TestUser author, long tweetId, Map<String, Object> body) {
        Api.Res res = postReply(author, tweetId, body);
        expect(res, 202);
        return res.json().get("reply_id").asLong();
    }

    public Api.Res postReply(TestUser author, long tweetId, Object body) {
        return api.post("/api/tweets/replies/replies_list/" + tweetId + "/", body, author.access());
    }

    public static Map<String, Object> replyBody(String content, String mediaUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        if (mediaUrl != null) {
            body.put("media", true);
            body.put("media_url", mediaUrl);
        }
        return body;
    }

    public Api.Res toggleReplyLike(TestUser user, long replyId) {
        return api.put("/api/tweets/replies/liked_replies_list/" + replyId + "/", null, user.access());
    }

    public void likeReply(TestUser user, long replyId) {
        Api.Res res = toggleReplyLike(user, replyId);
        expect(res, 202);
        if (!res.json().get("message").asText().endsWith("added to liked replies")) {
            throw new AssertionError("expected a like, got " + res);
        }
    }

    public Api.Res deleteReply(TestUser user, long replyId) {
        return api.delete("/api/tweets/replies/delete/" + replyId + "/", null, user.access());
    }

    /**
     * Mixed list items as short keys, in order: {@code t<tweet id>} for a Tweet and
     * {@code r<reply id>} for a {tweet, reply} item (whose tweet must be the reply's parent).
     */
    public static List<String> itemKeys(Iterable<JsonNode> items) {
        List<String> keys = new ArrayList<>();
        for (JsonNode n : items) {
            if (n.has("reply")) {
                if (n.at("/tweet/tweet_id").asLong() != n.at("/reply/tweet").asLong()) {
                    throw new AssertionError("a reply item's tweet must be its parent: " + n);
                }
                keys.add("r" + n.at("/reply/reply_id").asLong());
            } else {
                keys.add("t" + n.get("tweet_id").asLong());
            }
        }
        return keys;
    }

    public static List<String> itemKeys(Api.Res res) {
        expect(res, 200);
        return itemKeys(res.json());
    }

    /** The tweet as {@code viewer} sees it. */
    public JsonNode tweetAs(TestUser viewer, long tweetId) {
        Api.Res res = api.get("/api/tweets/get_tweet/" + tweetId + "/", viewer.access());
        expect(res, 200);
        return res.json();
    }

    /** The profile of {@code user} as {@code viewer} sees it. */
    public JsonNode profileAs(TestUser viewer, TestUser user) {
        Api.Res res = api.get("/api/profiles/view_profile/" + user.userId() + "/", viewer.access());
        expect(res, 202);
        return res.json();
    }

    /** Follows every Link rel="next" from {@code path} and returns all items of all pages. */
    public List<JsonNode> allPages(String path, TestUser viewer) {
        List<JsonNode> items = new ArrayList<>();
        String next = path;
        for (int pages = 0; next != null; pages++) {
            if (pages > 1000) {
                throw new AssertionError("too many pages from " + path);
            }
            Api.Res res = api.get(next, viewer.access());
            expect(res, 200);
            res.json().forEach(items::add);
            next = nextLink(res);
        }
        return items;
    }

    /** The URL of a Link: <url>; rel="next" header, or null. */
    public static String nextLink(Api.Res res) {
        String link = res.header("Link");
        if (link == null || link.isEmpty()) {
            return null;
        }
        int start = link.indexOf('<');
        int end = link.indexOf('>');
        if (start < 0 || end < start || !link.substring(end).contains("rel=\"next\"")) {
            throw new AssertionError("malformed Link header: " + link);
        }
        return link.substring(start + 1, end);
    }

    /** The tweet ids of a list of Tweet items, in order. */
    public static List<Long> tweetIds(Iterable<JsonNode> items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(n -> ids.add(n.get("tweet_id").asLong()));
        return ids;
    }

    public static List<Long> tweetIds(Api.Res res) {
        return tweetIds(res.json());
    }

    // blocks and mutes (ids are user ids)
    public Api.Res block(TestUser user, TestUser target) {
        return api.post("/api/profiles/block/" + target.userId() + "/", null, user.access());
    }

    public Api.Res unblock(TestUser user, TestUser target) {
        return api.delete("/api/profiles/block/" + target.userId() + "/", null, user.access());
    }

    public Api.Res mute(TestUser user, TestUser target) {
        return api.post("/api/profiles/mute/" + target.userId() + "/", null, user.access());
    }

    public Api.Res unmute(TestUser user, TestUser target) {
        return api.delete("/api/profiles/mute/" + target.userId() + "/", null, user.access());
    }

    /** The user ids of a ProfileBrief list, in order. */
    public static List<Long> userIds(Api.Res res) {
        expect(res, 200);
        List<Long> ids = new ArrayList<>();
        res.json().forEach(n -> ids.add(n.get("user_id").asLong()));
        return ids;
    }

    public static void expect(Api.Res res, int status) {
        if (res.status() != status) {
            throw new AssertionError("expected " + status + ", got " + res);
        }
    }
}
