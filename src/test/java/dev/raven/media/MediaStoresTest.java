package dev.raven.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raven.app.RavenApp;
import dev.raven.support.Api;
import dev.raven.support.CliRun;
import dev.raven.support.Pictures;
import dev.raven.support.PostgresSchema;
import dev.raven.support.RequiresPostgres;
import dev.raven.support.TestDatabases;
import dev.raven.support.TestServer;
import dev.raven.support.TestUser;
import dev.raven.support.Zips;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where pictures live: the filesystem store survives backup and restore; the database store is shared. */
class MediaStoresTest {
    static final String SECRET = "media-stores-test-shared-jwt-secret-0123456";

    private static Map<String, String> h2() {
        return Map.of("db.url", "", "jwt.secret", SECRET, "ratelimit.enabled", "false");
    }

    @Test
    void aBackupCarriesThePicturesAndRestoresThem() throws IOException {
        Path dataDir = TestServer.newDataDir();
        Path backups = TestServer.newDataDir();
        Path restored = TestServer.newDataDir();
        try {
            byte[] served;
            String url;
            try (RavenApp app = RavenApp.start(TestServer.config(dataDir, h2()))) {
                Api api = new Api("http://127.0.0.1:" + app.port());
                TestUser u = api.register(Api.uniqueName("backup"));
                JsonNode up = api.uploadPicture(Pictures.noisyJpeg(800, 600, 3), "b.jpg", "kept", u.access()).json();
                url = up.get("url").asText().replaceFirst("^http://[^/]+", "");
                assertEquals(201, api.post("/api/tweets/tweets_list/",
                        Map.of("content", "pic", "media_url", up.get("url").asText()), u.access()).status());
                served = api.getBytes(url, Map.of()).body();
            }
            Path zip = backups.resolve("with-media.zip");
            CliRun run = CliRun.of(Map.of("RAVEN_DATA_DIR", dataDir.toString(), "RAVEN_JWT_SECRET", SECRET,
                    "RAVEN_SERVER_PORT", String.valueOf(freePort())), "backup", zip.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("2 media file(s)"), run.out());

            Zips.unzip(zip, restored);
            try (RavenApp app = RavenApp.start(TestServer.config(restored, h2()))) {
                Api api = new Api("http://127.0.0.1:" + app.port());
                Api.Bytes res = api.getBytes(url, Map.of());
                assertEquals(200, res.status());
                assertArrayEquals(served, res.body());
                assertEquals(200, api.getBytes(url.replace(".jpg", "-preview.jpg"), Map.of()).status());
            }
        } finally {
            TestServer.deleteRecursively(dataDir);
            TestServer.deleteRecursively(backups);
            TestServer.deleteRecursively(restored);
        }
    }

    @Test
    @RequiresPostgres
    void theDatabaseStoreIsSharedByTwoInstances() {
        try (PostgresSchema schema = PostgresSchema.create(TestDatabases.requirePostgres())) {
            Map<String, String> settings = Map.of("db.url", schema.url(), "db.pool.size", "4", "jwt.secret", SECRET,
                    "media.store", "database", "ratelimit.enabled", "false");
            try (TestServer a = TestServer.start(settings); TestServer b = TestServer.start(settings)) {
                TestUser u = a.api().register(Api.uniqueName("shared"));
                byte[] pic = Pictures.noisyJpeg(700, 500, 8);
                JsonNode up = a.api().uploadPicture(pic, "s.jpg", "on a", u.access()).json();
                String path = up.get("url").asText().replaceFirst("^http://[^/]+", "");
                Api.Bytes fromA = a.api().getBytes(path, Map.of());
                Api.Bytes fromB = b.api().getBytes(path, Map.of());
                assertEquals(200, fromB.status(), "the other instance has the picture");
                assertArrayEquals(fromA.body(), fromB.body());
                assertEquals(fromA.header("ETag"), fromB.header("ETag"));
                assertFalse(Files.exists(b.dataDir().resolve("media")) && MediaFiles.count(b) > 0,
                        "nothing on disk with the database store");
                assertFalse(Files.exists(a.dataDir().resolve("media")) && MediaFiles.count(a) > 0);

                long tweet = b.api().post("/api/tweets/tweets_list/", Map.of("content", "x",
                        "media_url", up.get("url").asText(), "public", false), u.access()).json().get("tweet_id").asLong();
                TestUser stranger = b.api().register(Api.uniqueName("nosy"));
                assertEquals(404, a.api().getBytes(path, Map.of("Authorization", "JWT " + stranger.access())).status());
                assertEquals(202, a.api().delete("/api/tweets/manage_tweet/" + tweet + "/", null, u.access()).status());
                assertEquals(404, b.api().getBytes(path, Map.of()).status());
                long blobs = a.app().database().jdbi().withHandle(h ->
                        h.createQuery("SELECT COUNT(*) FROM media_blobs").mapTo(Long.class).one());
                assertEquals(0, blobs, "the bytes went with the last use");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
