package dev.raven.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stream.heartbeat, stream.max.per.user and stream.timing: defaults, the environment, and the checks at start-up. */
class StreamSettingsTest {

    @Test
    void theDefaultsAndTheEnvironment() {
        RavenConfig defaults = RavenConfig.withSettings(Map.of());
        assertEquals(Duration.ofSeconds(15), defaults.streamHeartbeat());
        assertEquals(5, defaults.streamMaxPerUser());
        assertFalse(defaults.streamTiming());
        RavenConfig env = RavenConfig.load(Map.of("RAVEN_STREAM_HEARTBEAT", "12s", "RAVEN_STREAM_MAX_PER_USER", "9",
                "RAVEN_STREAM_TIMING", "true"));
        assertEquals(Duration.ofSeconds(12), env.streamHeartbeat());
        assertEquals(9, env.streamMaxPerUser());
        assertTrue(env.streamTiming());
    }

    @Test
    void theHeartbeatIsAtMostHalfTheIdleTimeout() {
        assertEquals(Duration.ofSeconds(15), RavenConfig.withSettings(Map.of("stream.heartbeat", "40s")).streamHeartbeat());
        assertEquals(Duration.ofMillis(500), RavenConfig.withSettings(Map.of("http.idle.timeout", "1s")).streamHeartbeat());
        assertEquals(Duration.ofSeconds(50), RavenConfig.withSettings(Map.of("stream.heartbeat", "50s",
                "http.idle.timeout", "120s")).streamHeartbeat());
    }

    @Test
    void malformedValuesStopStartUpNamingTheKey() {
        for (Map<String, String> bad : new Map[] {Map.of("stream.heartbeat", "0s"), Map.of("stream.heartbeat", "often"),
                Map.of("stream.max.per.user", "0"), Map.of("stream.max.per.user", "many"),
                Map.of("stream.timing", "sometimes")}) {
            ConfigException e = assertThrows(ConfigException.class, () -> RavenConfig.withSettings(bad), bad.toString());
            assertTrue(e.getMessage().startsWith(bad.keySet().iterator().next()), e.getMessage());
        }
    }
}
