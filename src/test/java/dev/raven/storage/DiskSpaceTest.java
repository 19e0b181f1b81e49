package dev.raven.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.Auth;
import dev.raven.support.Eventually;
import dev.raven.support.PostgresSchema;
import dev.raven.support.RavenProcess;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.SmallDisk;
import dev.raven.support.Social;
import dev.raven.support.TestDatabases;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.CloseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Running out of disk space, for real where the test may mount a small tmpfs as data.dir
 * (root, as make test runs here), else by setting the floor above the actual free space.
 * The floor guards the embedded database's disk, so these servers use the embedded
 * database under make test-postgres too (db.url set empty), except where PostgreSQL is the point.
 */
class DiskSpaceTest {
    private static final long MIB = 1024 * 1024;
    private static final int WRITERS = 4;
    private static final String NEEDS_ROOT = "mounting a tmpfs needs root; the floor test shows the rest";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Path> toDelete = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toDelete.forEach(TestServer::deleteRecursively);
    }

    private RavenApp startEmbedded(Path dataDir, long minFreeBytes) {
        Map<String, String> settings = new HashMap<>();
        settings.put("db.url", ""); // the embedded database, also under make test-postgres
        settings.put("ratelimit.enabled", "false");
        settings.put("storage.min.free.bytes", String.valueOf(minFreeBytes));
        RavenApp app = RavenApp.start(TestServer.config(dataDir, settings));
        toClose.add(app);
        return app;
    }

    private static Api apiOf(RavenApp app) {
        return new Api("http://127.0.0.1:" + app.port());
    }

    @Test
    void belowTheFloorChangesAre507WhileReadsLoginsAndLogoutsGoOn() {
        Path dataDir = TestServer.newDataDir();
        toDelete.add(dataDir);
        RavenApp before = startEmbedded(dataDir, 0);
        Social earlier = new Social(apiOf(before));
        TestUser author = earlier.user("Author");
        TestUser fan = earlier.user("Fan");
        long tweet = earlier.tweet(author, "written while there was room");
        earlier.like(fan, tweet);
        toClose.remove(before);
        before.close();

        // The same data, the floor now above whatever this disk has free.
        Api api = apiOf(startEmbedded(dataDir, Long.MAX_VALUE));
        Social social = new Social(api);

        for (Api.Res refused : List.of(
                api.post("/api/tweets/tweets_list/", Social.body("no room for me", null, true), author.access()),
                social.toggleLike(author, tweet),
                social.postReply(fan, tweet, Social.replyBody("no room either", null)),
                api.delete("/api/tweets/manage_tweet/" + tweet + "/", null, author.access()),
                api.put("/api/profiles/edit/", Map.of("bio", "new"), author.access()),
                api.post(Auth.REGISTER, Api.registration(Api.uniqueName("Late"), TestUser.PASSWORD), null))) {
            assertInsufficientStorage(refused);
        }

        JsonNode seen = social.tweetAs(fan, tweet);
        assertEquals("written while there was room", seen.get("content").asText());
        assertTrue(seen.get("liked").asBoolean(), "the like from before is there: " + seen);
        assertEquals(List.of(tweet), Social.tweetIds(api.get("/api/tweets/get_tweets/" + author.userId() + "/",
                fan.access())), "nothing refused was stored");
        assertEquals(200, api.post("/api/profiles/search/", Map.of("search_input", "Author"), fan.access()).status(),
                "a search is a POST but writes nothing");
        assertEquals(200, api.login(author.username(), TestUser.PASSWORD).status(), "logging in goes on");
        assertEquals(200, Auth.refresh(api, fan.refresh()).status(), "refreshing goes on");
        assertEquals(205, Auth.logout(api, author.refresh(), author.access()).status(), "logging out goes on");

        Api.Res health = api.get("/health", null);
        assertEquals(200, health.status(), "reads are served, so the instance stays in: " + health);
        assertEquals("ok", health.json().get("status").asText());
        assertEquals("low_disk", health.json().get("storage").asText(), health.toString());
        assertEquals(Long.MAX_VALUE, health.json().get("min_free_bytes").asLong());
        assertTrue(health.json().get("free_bytes").asLong() >= 0, health.toString());
    }

    @Test
    @RequiresPostgres
    void theFloorIsNotAppliedToPostgresWhoseDiskIsElsewhere() {
        try (PostgresSchema schema = PostgresSchema.create(TestDatabases.requirePostgres());
             TestServer server = TestServer.start(Map.of("db.url", schema.url(),
                     "storage.min.free.bytes", String.valueOf(Long.MAX_VALUE)))) {
            Social social = new Social(server.api());
            social.tweet(social.user("Postgres"), "stored on the database server's disk");

            Api.Res health = server.api().get("/health", null);
            assertEquals(200, health.status());
            assertFalse(health.json().has("storage"), "data.dir holds no database here: " + health);
        }
    }

    @Test
    void freeingSpaceLetsChangesInAgainWithoutARestart() {
        assumeTrue(SmallDisk.canMount(), NEEDS_ROOT);
        SmallDisk disk = SmallDisk.mount(40 * MIB);
        toClose.add(disk);
        Api api = apiOf(startEmbedded(disk.dir(), 12 * MIB));
        Social social = new Social(api);
        TestUser author = social.user("Writer");
        social.tweet(author, "with room to spare");

        disk.fillLeaving(6 * MIB);

        Api.Res refused = Eventually.answer(() -> postTweet(api, author, "as space ran low"), res -> res.status() != 201);
        assertInsufficientStorage(refused);
        Api.Res health = api.get("/health", null);
        assertEquals(200, health.status());
        assertEquals("low_disk", health.json().get("storage").asText(), health.toString());
        assertTrue(health.json().get("free_bytes").asLong() < 12 * MIB, health.toString());
        assertEquals(200, api.get("/api/tweets/get_tweets/" + author.userId() + "/", author.access()).status());

        disk.free();

        Api.Res accepted = Eventually.answer(() -> postTweet(api, author, "after space was freed"),
                res -> res.status() != 507);
        assertEquals(201, accepted.status(), accepted.toString());
        assertEquals("ok", api.get("/health", null).json().get("storage").asText());
    }

    @Test
    void aWriteOnAFullDiskIs507AndTheDatabaseComesBackWithNothingAcknowledgedLost() throws InterruptedException {
        assumeTrue(SmallDisk.canMount(), NEEDS_ROOT);
        SmallDisk disk = SmallDisk.mount(32 * MIB);
        toClose.add(disk);
        // A process of its own, for its log; no floor, so writes run into the full disk itself.
        Map<String, String> env = Map.of("RAVEN_STORAGE_MIN_FREE_BYTES", "0", "RAVEN_RATELIMIT_ENABLED", "false");
        RavenProcess raven = RavenProcess.startAndAwaitHealthy(disk.dir(), env);
        toClose.add(raven);
        Api api = raven.api();
        Social social = new Social(api);
        TestUser author = social.user("Keeper");
        TestUser fan = social.user("Liker");
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long tweet = social.tweet(author, "acknowledged before the disk filled " + i);
            social.like(fan, tweet);
            acknowledged.add(tweet);
        }
        Set<Long> liked = Set.copyOf(acknowledged);

        Path reserve = disk.dir().resolve("space-reserve");
        assertTrue(Files.isRegularFile(reserve), "room set aside for reopening the database");

        // Writers side by side, as the last of the space goes: each posts until refused.
        disk.fillLeaving(256 * 1024);
        List<Long> acknowledgedNow = Collections.synchronizedList(new ArrayList<>());
        List<Api.Res> refusals = Collections.synchronizedList(new ArrayList<>());
        Set<String> unanswered = Collections.synchronizedSet(new HashSet<>()); // refused: stored or not, either is fine
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    String content = "writer " + writer + " as the disk filled, " + i;
                    Api.Res res = postTweet(api, author, content);
                    if (res.status() != 201) {
                        refusals.add(res);
                        unanswered.add(content);
                        return;
                    }
                    acknowledgedNow.add(res.json().get("tweet_id").asLong()); // it was acknowledged: it must stay
                }
            });
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(2, TimeUnit.MINUTES), "the writers finished");
        acknowledged.addAll(acknowledgedNow);
        assertEquals(WRITERS, refusals.size(), "every writer met the full disk: " + refusals);
        for (Api.Res refused : refusals) {
            // 507 for the write that found no space and those refused after it; 503 for one
            // that was under way on a connection the closing database took with it.
            assertTrue(refused.status() == 507 || refused.status() == 503, refused.toString());
            assertEquals(refused.status() == 507 ? "insufficient_storage" : "database_unavailable",
                    refused.json().get("code").asText(), refused.toString());
        }
        assertTrue(refusals.stream().anyMatch(res -> res.status() == 507), refusals.toString());
        int refusedWrites = WRITERS;

        // Still full, but for the reserve given up: reads come back by themselves, changes stay refused.
        assertFalse(Files.exists(reserve), "the reserve was given up");
        Api.Res read = Eventually.answer(() -> api.get("/api/tweets/get_tweets/" + author.userId() + "/",
                fan.access()), res -> res.status() == 200);
        assertEquals(200, read.status(), "reads while the disk is full: " + read);
        assertKept(social, author, fan, acknowledged, liked, unanswered);
        Api.Res health = Eventually.answer(() -> api.get("/health", null), res -> res.status() == 200);
        assertEquals("disk_full", health.json().get("storage").asText(), health.toString());
        for (int i = 0; i < 3; i++) {
            assertInsufficientStorage(postTweet(api, author, "still no room " + i));
            refusedWrites++;
        }
        assertInsufficientStorage(social.toggleLike(author, acknowledged.get(0)));
        refusedWrites++;

        disk.free();

        Api.Res accepted = Eventually.answer(() -> postTweet(api, author, "after space was freed"),
                res -> res.status() != 507);
        assertEquals(201, accepted.status(), accepted.toString());
        acknowledged.add(accepted.json().get("tweet_id").asLong());
        assertEquals("ok", api.get("/health", null).json().get("storage").asText());
        assertTrue(Files.isRegularFile(reserve), "the reserve is set aside again");
        Set<Long> stored = assertKept(social, author, fan, acknowledged, liked, unanswered);

        String log = raven.log();
        assertFalse(log.contains("\tat "), "no stack traces in the log:\n" + log);
        long causeLines = log.lines().filter(line -> line.contains("No space left on device")).count();
        assertTrue(causeLines >= 1 && causeLines < refusedWrites,
                causeLines + " log lines name the cause for " + refusedWrites + " refused writes:\n" + log);
        assertEquals(1, log.lines().filter(line -> line.contains("[ERROR]")).count(), log);

        raven.terminate();
        assertTrue(raven.awaitExit(Duration.ofSeconds(30)), "the server stops on SIGTERM");
        RavenProcess restarted = RavenProcess.startAndAwaitHealthy(disk.dir(), env);
        toClose.add(restarted);
        assertEquals(stored, assertKept(new Social(restarted.api()), author, fan, acknowledged, liked, unanswered));
    }

    @Test
    void anEmbeddedDatabaseThatClosedIsReopenedWithoutAnyRequestFailingWith500() throws Exception {
        Path dataDir = TestServer.newDataDir();
        toDelete.add(dataDir);
        RavenApp app = startEmbedded(dataDir, 0);
        Api api = apiOf(app);
        Social social = new Social(api);
        TestUser author = social.user("Closer");
        long tweet = social.tweet(author, "from before the database closed");

        try {
            app.database().jdbi().useHandle(h -> {
                try (Statement statement = h.getConnection().createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            });
        } catch (CloseException expected) {
            // the handle cannot hand back a connection to a database it just shut down
        }

        List<Integer> statuses = new ArrayList<>();
        Api.Res read = Eventually.answer(() -> {
            Api.Res res = api.get("/api/tweets/get_tweet/" + tweet + "/", author.access());
            statuses.add(res.status());
            return res;
        }, res -> res.status() == 200);
        assertEquals(200, read.status(), "answers while it reopened: " + statuses);
        assertFalse(statuses.contains(500), "answers while it reopened: " + statuses);
        statuses.stream().filter(s -> s != 200).forEach(s -> assertEquals(503, s, "answers: " + statuses));
        assertEquals(201, postTweet(api, author, "after it reopened").status());
        assertEquals("ok", api.get("/health", null).json().get("status").asText());
    }

    private static Api.Res postTweet(Api api, TestUser author, String content) {
        return api.post("/api/tweets/tweets_list/", Social.body(content, null, true), author.access());
    }

    private static void assertInsufficientStorage(Api.Res res) {
        assertEquals(507, res.status(), res.toString());
        assertEquals("insufficient_storage", res.json().get("code").asText(), res.toString());
        assertNotEquals("", res.json().get("message").asText());
    }

    /**
     * Every acknowledged tweet is there, and the fan's likes of the first ones. Any other tweet
     * must be one whose request got an error while the database was closing: its commit may
     * have gone through before the answer failed, as with any error a client gets mid-request.
     * Returns the ids stored.
     */
    private static Set<Long> assertKept(Social social, TestUser author, TestUser fan, List<Long> acknowledged,
                                        Set<Long> liked, Set<String> unanswered) {
        List<JsonNode> stored = social.allPages("/api/tweets/get_tweets/" + author.userId() + "/", fan);
        Set<Long> ids = new HashSet<>(Social.tweetIds(stored));
        assertTrue(ids.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + ids);
        for (JsonNode tweet : stored) {
            long id = tweet.get("tweet_id").asLong();
            if (!acknowledged.contains(id)) {
                assertTrue(unanswered.contains(tweet.get("content").asText()), "never acknowledged: " + tweet);
            }
            assertEquals(liked.contains(id), tweet.get("liked").asBoolean(), "liked by the fan: " + tweet);
            assertEquals(liked.contains(id) ? 1 : 0, tweet.get("number_of_likes").asLong(), tweet.toString());
        }
        return ids;
    }
}
