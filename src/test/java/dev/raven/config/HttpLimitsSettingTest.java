package dev.raven.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The http.* limits on slow and greedy clients: documented defaults, environment, checks. */
class HttpLimitsSettingTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        HttpLimits limits = RavenConfig.withSettings(Map.of()).httpLimits();
        assertEquals(new HttpLimits(64, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
                512, Duration.ofSeconds(5), 64), limits);
    }

    @Test
    void theEnvironmentCanChangeThem() {
        HttpLimits limits = RavenConfig.load(Map.of("RAVEN_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "0",
                "RAVEN_HTTP_HEADER_TIMEOUT", "3s")).httpLimits();
        assertEquals(0, limits.maxConnectionsPerAddress());
        assertEquals(Duration.ofSeconds(3), limits.headerTimeout());
    }

    @Test
    void theCapIsOffWhenZeroAndBehindATrustedProxy() {
        HttpLimits limits = RavenConfig.withSettings(Map.of()).httpLimits();
        assertTrue(limits.capsConnections(false));
        assertFalse(limits.capsConnections(true));
        assertFalse(RavenConfig.withSettings(Map.of("http.max.connections.per.address", "0"))
                .httpLimits().capsConnections(false));
    }

    @Test
    void badValuesStopStartUpNamingTheKey() {
        Map<String, String> bad = Map.of("http.threads.max", "2", "http.idle.timeout", "0s",
                "http.header.timeout", "soon", "http.body.timeout", "", "http.min.data.rate", "-1",
                "http.min.data.rate.grace", "0s", "http.max.connections.per.address", "-5");
        bad.forEach((key, value) -> {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> RavenConfig.withSettings(Map.of(key, value)), key + "=" + value);
            assertTrue(e.getMessage().startsWith(key), e.getMessage());
        });
    }
}
