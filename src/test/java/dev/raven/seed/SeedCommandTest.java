package dev.raven.seed;

import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.CliRun;
import dev.raven.support.Counters;
import dev.raven.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java -jar raven.jar seed: a consistent, repeatable synthetic network that a server then serves. */
class SeedCommandTest {
    static final int USERS = 80;
    static final int TWEETS = 600;
    static final List<Path> dataDirs = new ArrayList<>();
    static Path seeded;
    static CliRun firstRun;

    @BeforeAll
    static void seedOnce() {
        seeded = newDataDir();
        firstRun = seed(seeded, "7");
    }

    @AfterAll
    static void cleanUp() {
        for (Path dir : dataDirs) {
            TestServer.discard(dir);
        }
    }

    static Path newDataDir() {
        Path dir = TestServer.newDataDir();
        dataDirs.add(dir);
        return dir;
    }

    /** The environment that points the command at a data folder's own test database. */
    static Map<String, String> env(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("RAVEN_DATA_DIR", dataDir.toString());
        env.put("RAVEN_BCRYPT_COST", "4");
        String dbUrl = TestServer.config(dataDir, Map.of()).dbUrl();
        if (!dbUrl.isEmpty()) {
            env.put("RAVEN_DB_URL", dbUrl);
        }
        return env;
    }

    static CliRun seed(Path dataDir, String randomSeed) {
        return CliRun.of(env(dataDir), "seed", "--users", String.valueOf(USERS), "--tweets", String.valueOf(TWEETS),
                "--seed", randomSeed, "--fixtures", dataDir.resolve("fixtures").toString());
    }

    static <T> T withServer(Path dataDir, java.util.function.BiFunction<RavenApp, Api, T> body) {
        try (RavenApp app = RavenApp.start(TestServer.config(dataDir, Map.of()))) {
            return body.apply(app, new Api("http://127.0.0.1:" + app.port()));
        }
    }

    @Test
    void seedingFillsEveryTableWithCountersThatMatchTheRows() {
        assertEquals(0, firstRun.exitCode(), firstRun.toString());
        assertTrue(firstRun.out().contains("Seeded " + USERS + " users and " + TWEETS + " tweets"), firstRun.toString());
        withServer(seeded, (app, api) -> {
            Jdbi jdbi = app.database().jdbi();
            assertEquals(USERS, Counters.count(jdbi, "SELECT COUNT(*) FROM users"));
            assertEquals(USERS, Counters.count(jdbi, "SELECT COUNT(*) FROM profiles"));
            assertEquals(TWEETS, Counters.count(jdbi, "SELECT COUNT(*) FROM tweets"));
            for (String table : List.of("follows", "tweet_likes", "tweet_saves", "retweets", "replies", "reply_likes")) {
                assertTrue(Counters.count(jdbi, "SELECT COUNT(*) FROM " + table) > 0, table + " is empty");
            }
            Counters.assertAllConsistent(jdbi);
            return null;
        });
    }

    @Test
    void seededUsersLogInWithTheSharedPasswordAndNewUsersGetFreshIds() {
        Path own = newDataDir(); // this test adds rows: keep them out of the shared network
        assertEquals(0, seed(own, "7").exitCode());
        withServer(own, (app, api) -> {
            assertEquals(200, api.login("user1", "raven-seed-password").status());
            assertEquals(401, api.login("user1", "wrong-password").status());
            Api.Res registered = api.post("/api/auth/user/register/", Api.registration("newcomer", "a fine password"), null);
            assertEquals(201, registered.status(), registered.toString());
            assertEquals(USERS + 1, registered.json().at("/profile/user_id").asLong());
            String token = registered.json().at("/tokens/access").asText();
            Api.Res tweet = api.post("/api/tweets/tweets_list/", Map.of("content", "hello"), token);
            assertEquals(201, tweet.status(), tweet.toString());
            assertEquals(TWEETS + 1, tweet.json().get("tweet_id").asLong());
            return null;
        });
    }

    @Test
    void fixturesHoldLiveTokensHeavyReadersAndVisibleTweets() throws IOException {
        Path fixtures = seeded.resolve("fixtures");
        List<String[]> users = rows(fixtures.resolve("users.tsv"));
        List<String[]> heavy = rows(fixtures.resolve("timeline_users.tsv"));
        List<String[]> tweets = rows(fixtures.resolve("tweets.tsv"));
        assertEquals(USERS, users.size(), "every user, when there are fewer than the sample size");
        assertTrue(!heavy.isEmpty() && !tweets.isEmpty());
        assertTrue(Double.parseDouble(Files.readString(fixtures.resolve("bcrypt_ms")).trim()) > 0);
        withServer(seeded, (app, api) -> {
            for (String[] user : List.of(users.get(0), heavy.get(0))) {
                Api.Res me = api.get("/api/auth/user/current_user/", user[3]);
                assertEquals(202, me.status(), me.toString());
                assertEquals(Long.parseLong(user[0]), me.json().get("user_id").asLong());
                assertEquals(user[2], me.json().get("username").asText());
            }
            long following = Counters.count(app.database().jdbi(),
                    "SELECT following_count FROM profiles WHERE user_id = ?", Long.parseLong(heavy.get(0)[0]));
            assertTrue(following >= 50 && following <= 500, "a heavy reader follows 50 to 500: " + following);
            Api.Res tweet = api.get("/api/tweets/get_tweet/" + tweets.get(0)[0] + "/", users.get(0)[3]);
            assertEquals(200, tweet.status(), tweet.toString());
            assertTrue(tweet.json().get("public").asBoolean());
            Api.Res timeline = api.get("/api/tweets/tweets_list/", heavy.get(0)[3]);
            assertEquals(200, timeline.status());
            assertEquals(50, timeline.json().size(), "a heavy reader's timeline has a full page");
            return null;
        });
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        Path again = newDataDir();
        assertEquals(0, seed(again, "7").exitCode());
        Path other = newDataDir();
        assertEquals(0, seed(other, "8").exitCode());

        List<String> first = withServer(seeded, (app, api) -> fingerprint(app.database().jdbi()));
        assertEquals(first, withServer(again, (app, api) -> fingerprint(app.database().jdbi())));
        assertTrue(!first.equals(withServer(other, (app, api) -> fingerprint(app.database().jdbi()))),
                "another seed gives another network");
    }

    @Test
    void aDatabaseWithUsersIsRefused() {
        CliRun run = seed(seeded, "7");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("already has " + USERS + " users"), run.toString());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Path dir = newDataDir();
        assertEquals(2, CliRun.of(env(dir), "seed", "--users", "many").exitCode());
        assertEquals(2, CliRun.of(env(dir), "seed", "--users", "1").exitCode());
        assertEquals(2, CliRun.of(env(dir), "seed", "--password", "short").exitCode());
        assertEquals(2, CliRun.of(env(dir), "seed", "--colour", "blue").exitCode());
    }

    /** What makes a network this network: who follows whom, who wrote what, who liked what. */
    static List<String> fingerprint(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<String> rows = new ArrayList<>();
            rows.addAll(h.createQuery("SELECT follower_id || '>' || followed_id FROM follows "
                    + "ORDER BY follower_id, followed_id").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT id || ':' || user_id || ':' || content || ':' || is_public FROM tweets "
                    + "ORDER BY id").mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT tweet_id || '<' || user_id FROM tweet_likes ORDER BY tweet_id, user_id")
                    .mapTo(String.class).list());
            rows.addAll(h.createQuery("SELECT id || ':' || tweet_id || ':' || user_id FROM replies ORDER BY id")
                    .mapTo(String.class).list());
            return rows;
        });
    }

    static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).map(l -> l.split("\t")).toList();
    }
}
