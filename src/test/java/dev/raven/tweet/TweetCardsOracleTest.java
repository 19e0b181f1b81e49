package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Social;
import dev.raven.support.TestUser;
import dev.raven.support.WithServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tweet cache against the rows it stands for: after random posts (with mentions),
 * likes, saves, retweets, replies, edits, deletes and changes of names, aliases and
 * pictures, every list page read with the cards held must equal the same page read with
 * none held (whole rows from the database). On PostgreSQL there are no cards, and the
 * pages are simply read twice.
 */
@WithServer(social = true)
class TweetCardsOracleTest {
    static Api api;
    static Social social;
    static Jdbi jdbi;

    private final Random random = new Random(11);
    private final List<TestUser> users = new ArrayList<>();
    private final Map<Long, String> usernames = new HashMap<>();
    private final List<Long> tweets = new ArrayList<>();

    @Test
    void pagesFromHeldCardsEqualPagesFromTheDatabase() {
        for (int i = 0; i < 6; i++) {
            TestUser u = social.user("card");
            users.add(u);
            usernames.put(u.userId(), u.username());
        }
        for (TestUser a : users) {
            for (TestUser b : users) {
                if (a != b && random.nextBoolean()) {
                    social.follow(a, b);
                }
            }
        }
        int checkpoints = 0;
        for (int step = 1; step <= 240; step++) {
            step(step, users.get(random.nextInt(users.size())));
            if (step % 20 == 0) {
                users.forEach(this::assertHeldEqualsWhole);
                checkpoints++;
            }
        }
        assertEquals(12, checkpoints);
        if (jdbi.getConfig(TweetCards.class).enabled()) {
            assertTrue(jdbi.getConfig(TweetCards.class).stats()[1] > 0, "some pages were served from cards");
        }
    }

    private void step(int step, TestUser u) {
        int op = random.nextInt(100);
        if (op < 25 || tweets.isEmpty()) {
            String mention = random.nextInt(3) == 0 ? " @" + usernames.get(pick().userId()) : "";
            tweets.add(random.nextInt(4) == 0 ? social.privateTweet(u, "p" + step + mention)
                    : social.tweet(u, "t" + step + mention + " #tag" + step % 3));
        } else if (op < 45) {
            readPages(u); // holds cards
        } else if (op < 55) {
            social.toggleLike(u, pickTweet());
        } else if (op < 62) {
            social.toggleSave(u, pickTweet());
        } else if (op < 69) {
            long t = pickTweet();
            if (social.retweet(u, t).status() == 409) {
                social.unretweet(u, t);
            }
        } else if (op < 74) {
            social.postReply(u, pickTweet(), Social.replyBody("r" + step, null));
        } else if (op < 82) {
            api.put("/api/tweets/manage_tweet/" + pickTweet() + "/",
                    Map.of("content", "edited " + step + " @" + usernames.get(pick().userId())), u.access());
        } else if (op < 86) {
            long t = pickTweet();
            if (api.delete("/api/tweets/manage_tweet/" + t + "/", null, u.access()).status() == 204) {
                tweets.remove(t);
            }
        } else if (op < 93) {
            Api.Res res = api.put("/api/profiles/edit/", Map.of("alias", "Alias " + step,
                    "image_url", "https://img.example/" + step + ".png"), u.access());
            assertEquals(202, res.status(), res.body());
        } else {
            String name = Api.uniqueName("renamed");
            Api.Res res = api.put(Auth.EDIT, Map.of("username", name), u.access());
            assertEquals(202, res.status(), res.body());
            usernames.put(u.userId(), name);
        }
    }

    private void readPages(TestUser reader) {
        for (String path : paths(reader)) {
            api.get(path, reader.access());
        }
    }

    private List<String> paths(TestUser reader) {
        return List.of("/api/tweets/tweets_list/?limit=50", "/api/tweets/get_tweets/" + pick().userId() + "/?limit=50",
                "/api/tweets/get_saved_tweets/?limit=50", "/api/tweets/get_top/?limit=50");
    }

    private void assertHeldEqualsWhole(TestUser reader) {
        for (String path : paths(reader)) {
            Api.Res asHeld = api.get(path, reader.access()); // whatever earlier steps left held
            Api.Res allHeld = api.get(path, reader.access());
            jdbi.getConfig(TweetCards.class).clear();
            Api.Res whole = api.get(path, reader.access());
            assertEquals(200, whole.status(), path + ": " + whole.body());
            assertEquals(whole.json(), asHeld.json(), path + " as " + reader.username());
            assertEquals(whole.json(), allHeld.json(), path + " as " + reader.username() + ", all held");
        }
    }

    private TestUser pick() {
        return users.get(random.nextInt(users.size()));
    }

    private long pickTweet() {
        return tweets.get(random.nextInt(tweets.size()));
    }
}
