package dev.raven.reply;

import dev.raven.support.Api;
import dev.raven.support.Counters;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replies follow their tweet's visibility: under a public: false tweet they are seen only
 * by the tweet author and the author's followers; to anyone else they are a 404 exactly
 * like a missing reply, absent from every list, and cannot be replied to or liked.
 */
@WithServer(social = true)
class ReplyVisibilityTest {
    static TestServer server;
    static Api api;
    static Social social;

    TestUser author;
    TestUser follower;
    TestUser stranger;
    long hidden;
    long open;
    long hiddenReply;
    long hiddenMediaReply;
    long openReply;

    @BeforeEach
    void scene() {
        author = social.user("rvauthor");
        follower = social.user("rvinsider");
        stranger = social.user("rvoutsider");
        social.follow(follower, author);
        hidden = social.privateTweet(author, "followers only");
        open = social.tweet(author, "for everyone");
        hiddenReply = social.reply(follower, hidden, "a reply under a private tweet");
        hiddenMediaReply = social.mediaReply(follower, hidden, "pic", "https://img.example/h.png");
        openReply = social.reply(follower, open, "a reply under a public tweet");
    }

    static String replies(long tweetId) {
        return "/api/tweets/replies/replies_list/" + tweetId + "/";
    }

    static String likeList(long replyId) {
        return "/api/tweets/replies/get_reply_like_list/" + replyId + "/";
    }

    @Test
    void theRepliesOfAHiddenTweetAreSeenOnlyByThoseWhoSeeTheTweet() {
        assertEquals(2, api.get(replies(hidden), author.access()).json().size());
        assertEquals(2, api.get(replies(hidden), follower.access()).json().size());
        Api.Res res = api.get(replies(hidden), stranger.access());
        assertEquals(404, res.status());
        assertEquals(api.get(replies(999999999), stranger.access()).body(), res.body(),
                "indistinguishable from a missing tweet");
        assertEquals(1, api.get(replies(open), stranger.access()).json().size());
    }

    @Test
    void nobodyRepliesToOrLikesWhatTheyCannotSee() {
        Api.Res reply = social.postReply(stranger, hidden, Map.of("content", "let me in"));
        assertEquals(404, reply.status());
        Api.Res like = social.toggleReplyLike(stranger, hiddenReply);
        Api.Res missing = social.toggleReplyLike(stranger, 999999999);
        assertEquals(404, like.status());
        assertEquals(missing.body(), like.body(), "a hidden reply looks exactly like a missing one");
        assertEquals(404, api.get(likeList(hiddenReply), stranger.access()).status());
        assertEquals(api.get(likeList(999999999), stranger.access()).body(),
                api.get(likeList(hiddenReply), stranger.access()).body());
        Api.Res delete = social.deleteReply(stranger, hiddenReply);
        assertEquals(404, delete.status(), "not 403: the stranger may not know the reply exists");
        assertEquals(social.deleteReply(stranger, 999999999).body(), delete.body());

        assertEquals(2, social.tweetAs(author, hidden).get("number_of_replies").asLong(), "nothing was added");
        assertEquals(0, api.get(replies(hidden), author.access()).json().get(0).get("number_of_likes").asLong());
        social.likeReply(follower, hiddenReply);
        assertEquals(200, api.get(likeList(hiddenReply), follower.access()).status());
        assertEquals(403, social.deleteReply(author, hiddenReply).status(), "seen, but not theirs");
        Counters.assertAllConsistent(server.app().database().jdbi());
    }

    @Test
    void mixedListsLeaveOutRepliesToHiddenTweets() {
        social.likeReply(follower, hiddenReply);
        social.likeReply(follower, openReply);
        String userReplies = "/api/tweets/replies/get_user_replies/" + follower.userId() + "/";
        String tweetsAndReplies = "/api/tweets/replies/get_user_tweets_and_replies/" + follower.userId() + "/";
        String liked = "/api/tweets/get_liked/" + follower.userId() + "/";
        String media = "/api/tweets/get_user_media/" + follower.userId() + "/";

        List<String> all = List.of("r" + openReply, "r" + hiddenMediaReply, "r" + hiddenReply);
        assertEquals(all, Social.itemKeys(api.get(userReplies, author.access())));
        assertEquals(all, Social.itemKeys(api.get(tweetsAndReplies, follower.access())));
        assertEquals(List.of("r" + openReply), Social.itemKeys(api.get(userReplies, stranger.access())));
        assertEquals(List.of("r" + openReply), Social.itemKeys(api.get(tweetsAndReplies, stranger.access())));

        assertEquals(List.of("r" + openReply, "r" + hiddenReply), Social.itemKeys(api.get(liked, follower.access())));
        assertEquals(List.of("r" + openReply), Social.itemKeys(api.get(liked, stranger.access())));
        assertEquals(List.of("r" + hiddenMediaReply), Social.itemKeys(api.get(media, author.access())));
        assertEquals(List.of(), Social.itemKeys(api.get(media, stranger.access())));
    }

    @Test
    void followingShowsTheRepliesAndUnfollowingHidesThemAgainEvenFromTheirAuthor() {
        social.follow(stranger, author);
        assertEquals(2, api.get(replies(hidden), stranger.access()).json().size());
        long late = social.reply(stranger, hidden, "now I can");
        Social.expect(social.toggleFollow(stranger, author), 202);

        assertEquals(404, api.get(replies(hidden), stranger.access()).status());
        assertEquals(List.of(), Social.itemKeys(api.get("/api/tweets/replies/get_user_replies/" + stranger.userId()
                + "/", stranger.access())));
        // Like the likes of tweets: the reply stays (and counts) but its author no longer sees it.
        assertEquals(404, social.deleteReply(stranger, late).status());
        assertEquals(1, social.profileAs(stranger, stranger).get("number_of_tweets_and_replies").asLong());
        assertEquals(3, api.get(replies(hidden), author.access()).json().size());
    }

    @Test
    void makingTheTweetPrivateHidesItsExistingReplies() {
        Social.expect(api.put("/api/tweets/manage_tweet/" + open + "/", Map.of("public", false), author.access()), 202);
        assertEquals(404, api.get(replies(open), stranger.access()).status());
        assertEquals(404, social.toggleReplyLike(stranger, openReply).status());
        assertEquals(List.of(), Social.itemKeys(api.get("/api/tweets/replies/get_user_replies/" + follower.userId()
                + "/", stranger.access())));
    }
}
