package dev.raven.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RavenConfigTest {
    @TempDir
    Path dir;

    /** Loads as Main does, with exactly these environment variables. */
    static RavenConfig load(Map<String, String> env) {
        return RavenConfig.load(env);
    }

    static void assertRejectedNaming(String key, Runnable loading) {
        ConfigException e = assertThrows(ConfigException.class, loading::run);
        assertTrue(e.getMessage().contains(key), "message should name " + key + ": " + e.getMessage());
    }

    Path configFile(String content) throws IOException {
        Path file = dir.resolve("raven.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RavenConfig c = RavenConfig.withSettings(Map.of());
        assertEquals("0.0.0.0", c.serverHost());
        assertEquals(8080, c.serverPort());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), c.dataDir());
        assertEquals("", c.dbUrl());
        assertTrue(c.effectiveDbUrl().startsWith("jdbc:h2:file:" + c.dataDir().resolve("raven")), c.effectiveDbUrl());
        assertEquals("", c.jwtSecret());
        assertEquals(Duration.ofMinutes(15), c.accessTokenTtl());
        assertEquals(Duration.ofDays(14), c.refreshTokenTtl());
        assertEquals(Duration.ofSeconds(30), c.refreshGrace());
        assertEquals(12, c.bcryptCost());
        assertEquals(List.of(), c.corsOrigins());
        assertTrue(c.rateLimits().enabled());
        assertEquals(10, c.rateLimits().loginMaxPerUsername());
        assertEquals(Duration.ofMinutes(15), c.rateLimits().loginWindow());
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        Map<String, String> env = new HashMap<>();
        env.put("RAVEN_SERVER_PORT", "1234");
        env.put("RAVEN_DATA_DIR", dir.toString());
        env.put("RAVEN_JWT_ACCESS_TTL", "90s");
        env.put("RAVEN_BCRYPT_COST", "4");
        env.put("RAVEN_RATELIMIT_ENABLED", "false");
        env.put("RAVEN_RATELIMIT_LOGIN_MAX", "3");
        env.put("RAVEN_CORS_ORIGINS", "https://a.example, https://b.example");
        env.put("PATH", "/usr/bin");

        RavenConfig c = load(env);

        assertEquals(1234, c.serverPort());
        assertEquals(dir.toAbsolutePath().normalize(), c.dataDir());
        assertEquals(Duration.ofSeconds(90), c.accessTokenTtl());
        assertEquals(4, c.bcryptCost());
        assertFalse(c.rateLimits().enabled());
        assertEquals(3, c.rateLimits().loginMaxPerUsername());
        assertEquals(List.of("https://a.example", "https://b.example"), c.corsOrigins());
        assertEquals(Duration.ofDays(14), c.refreshTokenTtl(), "untouched keys keep their defaults");
    }

    @Test
    void aConfigFileNamedByRavenConfigIsReadAndTheEnvironmentWinsOverIt() throws IOException {
        Path file = configFile("server.port=2345\nbcrypt.cost=5\n# a comment\ninstance.name=Test Raven\n");

        RavenConfig c = load(Map.of("RAVEN_CONFIG", file.toString(), "RAVEN_BCRYPT_COST", "6"));

        assertEquals(2345, c.serverPort());
        assertEquals(6, c.bcryptCost());
        assertEquals("Test Raven", c.instanceName());
    }

    @Test
    void anUnknownKeyInAConfigFileStopsStartUpNamingTheKey() throws IOException {
        Path file = configFile("server.port=2345\nserver.prot=80\n");
        assertRejectedNaming("server.prot", () -> load(Map.of("RAVEN_CONFIG", file.toString())));
    }

    @Test
    void aMissingConfigFileStopsStartUp() {
        assertRejectedNaming("RAVEN_CONFIG", () -> load(Map.of("RAVEN_CONFIG", dir.resolve("nope").toString())));
    }

    @Test
    void anUnknownKeyInTheSettingsIsRejected() {
        assertRejectedNaming("no.such.key", () -> RavenConfig.withSettings(Map.of("no.such.key", "1")));
    }

    @Test
    void aMalformedPortStopsStartUpNamingTheKey() {
        assertRejectedNaming("server.port", () -> load(Map.of("RAVEN_SERVER_PORT", "abc")));
        assertRejectedNaming("server.port", () -> load(Map.of("RAVEN_SERVER_PORT", "70000")));
        assertRejectedNaming("server.port", () -> load(Map.of("RAVEN_SERVER_PORT", "-1")));
        assertRejectedNaming("server.port", () -> load(Map.of("RAVEN_SERVER_PORT", "")));
    }

    @Test
    void aMalformedDurationStopsStartUpNamingTheKey() {
        assertRejectedNaming("jwt.access.ttl", () -> load(Map.of("RAVEN_JWT_ACCESS_TTL", "15x")));
        assertRejectedNaming("jwt.access.ttl", () -> load(Map.of("RAVEN_JWT_ACCESS_TTL", "15")));
        assertRejectedNaming("jwt.access.ttl", () -> load(Map.of("RAVEN_JWT_ACCESS_TTL", "0m")));
        assertRejectedNaming("ratelimit.login.window", () -> load(Map.of("RAVEN_RATELIMIT_LOGIN_WINDOW", "-5m")));
    }

    @Test
    void aMalformedBooleanStopsStartUpNamingTheKey() {
        assertRejectedNaming("ratelimit.enabled", () -> load(Map.of("RAVEN_RATELIMIT_ENABLED", "yes")));
        assertRejectedNaming("http.trust.proxy", () -> load(Map.of("RAVEN_HTTP_TRUST_PROXY", "1")));
    }

    @Test
    void booleansIgnoreCase() {
        assertFalse(load(Map.of("RAVEN_RATELIMIT_ENABLED", "FALSE")).rateLimits().enabled());
    }

    @Test
    void aMalformedValueInAConfigFileNamesTheKey() throws IOException {
        Path file = configFile("db.pool.size=lots\n");
        assertRejectedNaming("db.pool.size", () -> load(Map.of("RAVEN_CONFIG", file.toString())));
    }

    @Test
    void aShortJwtSecretIsRejected() {
        assertRejectedNaming("jwt.secret", () -> load(Map.of("RAVEN_JWT_SECRET", "too-short")));
        assertEquals("s".repeat(32), load(Map.of("RAVEN_JWT_SECRET", "s".repeat(32))).jwtSecret());
    }

    @Test
    void aBcryptCostOutsideItsRangeIsRejected() {
        assertRejectedNaming("bcrypt.cost", () -> load(Map.of("RAVEN_BCRYPT_COST", "3")));
        assertRejectedNaming("bcrypt.cost", () -> load(Map.of("RAVEN_BCRYPT_COST", "32")));
    }

    @Test
    void theFreeSpaceFloorIsAByteCountOfZeroOrMore() {
        assertEquals(100L * 1024 * 1024, RavenConfig.withSettings(Map.of()).storageMinFreeBytes());
        assertEquals(0, load(Map.of("RAVEN_STORAGE_MIN_FREE_BYTES", "0")).storageMinFreeBytes(), "0 turns it off");
        assertEquals(5_000_000_000L, load(Map.of("RAVEN_STORAGE_MIN_FREE_BYTES", "5000000000")).storageMinFreeBytes());
        assertRejectedNaming("storage.min.free.bytes", () -> load(Map.of("RAVEN_STORAGE_MIN_FREE_BYTES", "-1")));
        assertRejectedNaming("storage.min.free.bytes", () -> load(Map.of("RAVEN_STORAGE_MIN_FREE_BYTES", "100MB")));
    }

    @Test
    void aRefreshLifetimeShorterThanTheAccessLifetimeIsRejected() {
        assertRejectedNaming("jwt.refresh.ttl",
                () -> load(Map.of("RAVEN_JWT_ACCESS_TTL", "2h", "RAVEN_JWT_REFRESH_TTL", "1h")));
    }

    @Test
    void theRefreshRetryWindowMayBeTurnedOffButNotMadeLong() {
        assertEquals(Duration.ZERO, load(Map.of("RAVEN_JWT_REFRESH_GRACE", "0s")).refreshGrace());
        assertEquals(Duration.ofMinutes(5), load(Map.of("RAVEN_JWT_REFRESH_GRACE", "5m")).refreshGrace());
        assertRejectedNaming("jwt.refresh.grace", () -> load(Map.of("RAVEN_JWT_REFRESH_GRACE", "6m")));
        assertRejectedNaming("jwt.refresh.grace", () -> load(Map.of("RAVEN_JWT_REFRESH_GRACE", "soon")));
    }

    @Test
    void aDatabaseUrlIsUsedAsGiven() {
        RavenConfig c = load(Map.of("RAVEN_DB_URL", "jdbc:postgresql://db:5432/raven"));
        assertEquals("jdbc:postgresql://db:5432/raven", c.effectiveDbUrl());
        assertFalse(c.isH2());
    }

    @Test
    void everyDocumentedKeyCanBeSetByItsEnvironmentVariable() throws IOException {
        // Each key of the bundled config.properties maps to RAVEN_<KEY>; setting one to
        // an impossible value must fail naming that key, proving the variable is read.
        java.util.Properties defaults = new java.util.Properties();
        try (var in = RavenConfig.class.getResourceAsStream("/dev/raven/config/config.properties")) {
            defaults.load(in);
        }
        List<String> free = List.of("server.host", "data.dir", "db.url", "db.user", "db.password", "cors.origins",
                "instance.name");
        for (String key : defaults.stringPropertyNames()) {
            if (free.contains(key) || key.equals("jwt.secret")) {
                continue;
            }
            String env = "RAVEN_" + key.toUpperCase().replace('.', '_');
            assertRejectedNaming(key, () -> load(Map.of(env, "not-a-valid-value")));
        }
    }
}
