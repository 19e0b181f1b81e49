package dev.raven.tweet;

import dev.raven.support.Api;
import dev.raven.support.Social;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The N+1 guard: a page of 50 items costs exactly as many SQL statements as a page of 5,
 * on the home timeline and on every other list, with likes, saves and retweets from many
 * users on the page.
 */
class QueryCountTest {
    static TestServer server;
    static Api api;
    static Social social;
    static Jdbi jdbi;
    static TestUser viewer;
    static TestUser author;
    static long popular;
    static final AtomicInteger STATEMENTS = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = Social.startServer();
        api = server.api();
        social = new Social(api);
        jdbi = server.app().database().jdbi();

        viewer = social.user("counted");
        List<TestUser> followed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestUser u = social.user("source");
            social.follow(viewer, u);
            social.follow(u, viewer);
            followed.add(u);
        }
        author = followed.get(0);
        followed.subList(1, followed.size()).forEach(u -> social.follow(u, author)); // they see private tweets
        TestUser stranger = social.user("unfollowed");
        popular = social.tweet(author, "popular");
        for (int i = 0; i < 80; i++) {
            long id = i % 4 == 0 ? social.tweet(stranger, "s" + i)
                    : social.mediaTweet(author, "t" + i, "https://img.example/" + i + ".png", i % 3 != 0);
            TestUser other = followed.get((i + 3) % followed.size());
            if (i % 4 == 0) {
                Social.expect(social.retweet(other, id), 202);
            }
            social.like(viewer, id);
            social.like(other, id);
            Social.expect(social.toggleSave(viewer, id), 202);
        }
        for (TestUser u : followed) {
            social.like(u, popular);
            Social.expect(social.retweet(u, popular), 202);
        }
        for (int i = 0; i < 60; i++) {
            TestUser fan = social.user("fan");
            social.like(fan, popular);
            Social.expect(social.retweet(fan, popular), 202);
            social.follow(fan, author);
            social.follow(author, fan);
        }
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                STATEMENTS.incrementAndGet();
            }

            @Override
            public void logException(StatementContext context, SQLException ex) {
                STATEMENTS.incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void keepLogging() {
        STATEMENTS.set(0);
    }

    /** Statements run by one request, which must answer 200 with a full page and a next link. */
    static int statementsFor(String path, int expectedItems) {
        STATEMENTS.set(0);
        Api.Res res = api.get(path, viewer.access());
        int count = STATEMENTS.get();
        assertEquals(200, res.status(), res.body());
        assertEquals(expectedItems, res.json().size(), path);
        assertTrue(Social.nextLink(res) != null, "a full page with more behind it: " + path);
        return count;
    }

    static void assertConstant(String path, int atMost) {
        String sep = path.contains("?") ? "&" : "?";
        int small = statementsFor(path + sep + "limit=5", 5);
        int large = statementsFor(path + sep + "limit=50", 50);
        assertEquals(small, large, "statements for 5 vs 50 items on " + path);
        assertTrue(large <= atMost, path + " ran " + large + " statements, expected at most " + atMost);
    }

    @Test
    void homeTimeline() {
        assertConstant("/api/tweets/tweets_list/", 6);
        Api.Res first = api.get("/api/tweets/tweets_list/?limit=5", viewer.access());
        String next = Social.nextLink(first);
        STATEMENTS.set(0);
        assertEquals(200, api.get(next, viewer.access()).status());
        assertTrue(STATEMENTS.get() <= 6, "a later page costs the same: " + STATEMENTS.get());
    }

    @Test
    void tweetLists() {
        assertConstant("/api/tweets/get_tweets/" + author.userId() + "/", 5);
        assertConstant("/api/tweets/get_user_media/" + author.userId() + "/", 5);
        assertConstant("/api/tweets/get_liked/" + viewer.userId() + "/", 5);
        assertConstant("/api/tweets/get_saved_tweets/", 5);
    }

    @Test
    void profileBriefLists() {
        assertConstant("/api/tweets/get_tweet_like_list/" + popular + "/", 6);
        assertConstant("/api/tweets/retweet_list/" + popular + "/", 6);
        assertConstant("/api/profiles/get_followers/" + author.profileId() + "/", 6);
        assertConstant("/api/profiles/get_following/" + author.profileId() + "/", 6);
    }
}
