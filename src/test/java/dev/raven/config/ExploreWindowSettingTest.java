package dev.raven.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explore.window: 7 days unless set, settable from the environment, and checked at start-up. */
class ExploreWindowSettingTest {

    @Test
    void theDefaultIsSevenDaysAndTheEnvironmentCanChangeIt() {
        assertEquals(Duration.ofDays(7), RavenConfig.withSettings(Map.of()).exploreWindow());
        assertEquals(Duration.ofHours(36), RavenConfig.load(Map.of("RAVEN_EXPLORE_WINDOW", "36h")).exploreWindow());
    }

    @Test
    void aMalformedOrEmptyWindowStopsStartUpNamingTheKey() {
        for (String bad : new String[] {"week", "0d", "-1d", ""}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> RavenConfig.withSettings(Map.of("explore.window", bad)), bad);
            assertTrue(e.getMessage().startsWith("explore.window"), e.getMessage());
        }
    }
}
