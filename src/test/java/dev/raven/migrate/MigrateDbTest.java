package dev.raven.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.CliRun;
import dev.raven.support.Counters;
import dev.raven.support.Eventually;
import dev.raven.support.PostgresSchema;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.ServerProcess;
import dev.raven.support.Social;
import dev.raven.support.TestDatabases;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** migrate-db moves a seeded H2 installation to PostgreSQL, and Raven then runs on the copy. */
@RequiresPostgres
class MigrateDbTest {
    static final String SECRET = "migrate-db-test-shared-secret-0123456789";
    static final List<String> TABLES = List.of("users", "profiles", "login_sessions", "refresh_tokens");

    static String postgres;
    static Path h2DataDir;
    static PostgresSchema target;
    static CliRun migration;
    static Map<String, Set<Map<String, String>>> sourceRows;
    static Map<String, Set<Map<String, String>>> copiedRows;
    static TestServer copy;

    static TestUser alice;
    static TestUser bob;
    static TestUser carol;
    static String aliceAccessAfterRefresh;
    static String bobSecondAccess;
    static String bobSecondRefresh;
    static long bobsTweet;

    @BeforeAll
    static void seedH2ThenMigrate() {
        postgres = TestDatabases.requirePostgres();
        h2DataDir = TestServer.newDataDir();
        try (RavenApp source = RavenApp.start(TestServer.config(h2DataDir, h2Settings()))) {
            Api api = new Api("http://127.0.0.1:" + source.port());
            alice = api.register(Api.uniqueName("alice"));
            bob = api.register(Api.uniqueName("bob"));
            carol = api.register(Api.uniqueName("carol"));
            JsonNode refreshed = api.post("/api/auth/refresh_token/", Map.of("refresh", alice.refresh()), null).json();
            aliceAccessAfterRefresh = refreshed.get("access").asText();
            JsonNode bobLogin = api.login(bob.username(), TestUser.PASSWORD).json();
            bobSecondAccess = bobLogin.get("access").asText();
            bobSecondRefresh = bobLogin.get("refresh").asText();
            assertEquals(202, api.put("/api/auth/user/edit/", Map.of("mode", "dark"), bob.access()).status());
            assertEquals(205, api.post("/api/auth/user/logout/", Map.of("refresh_token", carol.refresh()),
                    carol.access()).status());
            Social social = new Social(api);
            Social.expect(social.toggleFollow(alice, bob), 202);
            bobsTweet = social.tweet(bob, "posted before the move");
            sourceRows = rowsOf(source.database().jdbi());
        }
        target = PostgresSchema.create(postgres);
        migration = CliRun.of(h2Env(h2DataDir), "migrate-db", "--to", target.url());
        copy = TestServer.start(Map.of("db.url", target.url(), "jwt.secret", SECRET));
        copiedRows = rowsOf(copy.app().database().jdbi()); // before the tests below change any
    }

    @AfterAll
    static void cleanUp() {
        if (copy != null) {
            copy.close();
        }
        if (target != null) {
            target.close();
        }
        if (h2DataDir != null) {
            TestServer.deleteRecursively(h2DataDir);
        }
    }

    @Test
    void theMoveSucceedsAndReportsEveryTableAndSequence() {
        assertEquals(0, migration.exitCode(), migration.toString());
        for (String table : TABLES) {
            assertTrue(migration.out().contains(table), migration.toString());
        }
        assertTrue(migration.out().contains("users.id continues at 4"), migration.toString());
        assertTrue(migration.out().contains("Done: "), migration.toString());
    }

    @Test
    void theCopiedTablesHavePlannerStatisticsAndVisibilityMaps() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(target.url());
             java.sql.PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_user_tables "
                     + "WHERE schemaname = ? AND relname = ANY (?) AND last_analyze IS NOT NULL AND last_vacuum IS NOT NULL")) {
            q.setString(1, target.name());
            q.setArray(2, c.createArrayOf("text", TABLES.toArray()));
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(TABLES.size(), rs.getInt(1), "every copied table is vacuumed and analyzed");
            }
        }
    }

    @Test
    void everyRowArrivesUnchanged() {
        for (String table : TABLES) {
            assertFalse(sourceRows.get(table).isEmpty(), table + " was seeded");
            assertEquals(sourceRows.get(table), copiedRows.get(table), table + ": rows not copied as they were");
        }
    }

    /**
     * The embedded database keeps no fanned-out timelines; PostgreSQL does (timeline.fanout=auto),
     * so the copy's first start rebuilds them from the copied tweets and follows.
     */
    @Test
    void theCopyFansOutTimelinesBuiltFromTheCopiedRows() {
        Jdbi jdbi = copy.app().database().jdbi();
        String bobsRow = "SELECT COUNT(*) FROM home_timelines WHERE reader_id = " + alice.userId()
                + " AND tweet_id = " + bobsTweet;
        // The rebuild jobs run in the background.
        assertEquals(1, Eventually.count(jdbi, bobsRow, n -> n > 0), "alice's timeline was rebuilt with bob's tweet");
        JsonNode page = copy.api().get("/api/tweets/tweets_list/", aliceAccessAfterRefresh).json();
        assertEquals(bobsTweet, page.get(0).get("tweet_id").asLong(), page.toString());
    }

    @Test
    void tokensIssuedBeforeTheMoveStillWork() {
        Api api = copy.api();
        assertEquals(202, api.get("/api/auth/user/current_user/", aliceAccessAfterRefresh).status());
        assertEquals(202, api.get("/api/auth/user/current_user/", bobSecondAccess).status());
        JsonNode me = api.get("/api/auth/user/current_user/", bob.access()).json();
        assertEquals("dark", me.get("mode").asText());
        assertEquals(200, api.post("/api/auth/refresh_token/", Map.of("refresh", bobSecondRefresh), null).status());
    }

    @Test
    void sessionsEndedBeforeTheMoveStayEnded() {
        Api.Res res = copy.api().get("/api/auth/user/current_user/", carol.access());
        assertEquals(401, res.status());
        assertEquals("token_not_valid", res.json().get("code").asText());
    }

    @Test
    void loginWorksOnTheCopy() {
        Api.Res res = copy.api().login(alice.username(), TestUser.PASSWORD);
        assertEquals(200, res.status(), res.toString());
        assertEquals(202, copy.api().get("/api/auth/user/current_user/", res.json().get("access").asText()).status());
    }

    @Test
    void newRowsGetFreshIdsAfterTheCopiedOnes() {
        TestUser dave = copy.api().register(Api.uniqueName("dave"));
        assertTrue(dave.userId() > carol.userId(), "user id " + dave.userId());
        assertTrue(dave.profileId() > carol.profileId(), "profile id " + dave.profileId());
        assertEquals(200, copy.api().login(dave.username(), TestUser.PASSWORD).status());
        assertEquals(202, copy.api().get("/api/auth/user/current_user/", dave.access()).status());
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAlone() {
        Map<String, Long> before = counts(copy.app().database().jdbi());
        CliRun again = CliRun.of(h2Env(h2DataDir), "migrate-db", "--to", target.url());
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("the target already holds data"), again.toString());
        assertFalse(again.err().contains("\tat "), again.toString());
        assertEquals(before, counts(copy.app().database().jdbi()));
    }

    @Test
    void aSourceInUseByARunningServerIsRefused() {
        // Another process: within one JVM, H2 lets every caller share the open file.
        try (PostgresSchema empty = PostgresSchema.create(postgres);
             ServerProcess running = ServerProcess.start(h2Env(h2DataDir))) {
            CliRun run = CliRun.of(h2Env(h2DataDir), "migrate-db", "--to", empty.url());
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("is in use: stop the Raven server first"), run.toString());
            assertEquals(200, running.api().get("/health", null).status());
        }
    }

    @Test
    void aMissingSourceIsRefused() {
        Path nothing = TestServer.newDataDir();
        try (PostgresSchema empty = PostgresSchema.create(postgres)) {
            CliRun run = CliRun.of(h2Env(nothing), "migrate-db", "--to", empty.url());
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("no database at"), run.toString());
        } finally {
            TestServer.deleteRecursively(nothing);
        }
    }

    @Test
    void anUnreachableTargetIsReportedPlainly() {
        CliRun run = CliRun.of(h2Env(h2DataDir), "migrate-db", "--to", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot use the target jdbc:postgresql://127.0.0.1:1/none"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    /** The embedded H2 database, whatever database the suite runs on. */
    private static Map<String, String> h2Settings() {
        return Map.of("db.url", "", "jwt.secret", SECRET);
    }

    private static Map<String, String> h2Env(Path dataDir) {
        return Map.of("RAVEN_DATA_DIR", dataDir.toString());
    }

    private static Map<String, Long> counts(Jdbi jdbi) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
        }
        return counts;
    }

    /** Every row of every table, with values in a form both databases agree on. */
    private static Map<String, Set<Map<String, String>>> rowsOf(Jdbi jdbi) {
        Map<String, Set<Map<String, String>>> rows = new TreeMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> list = jdbi.withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list());
            Set<Map<String, String>> set = new HashSet<>();
            for (Map<String, Object> row : list) {
                Map<String, String> normal = new LinkedHashMap<>();
                row.forEach((column, value) -> normal.put(column, normalize(value)));
                set.add(normal);
            }
            rows.put(table, set);
        }
        return rows;
    }

    private static String normalize(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return String.valueOf(value);
    }
}
