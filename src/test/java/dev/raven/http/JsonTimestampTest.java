package dev.raven.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written timestamp writes exactly what the contract's formatter writes. */
class JsonTimestampTest {

    @Test
    void sameTextAsTheFormatterForAnyInstant() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            // Years -2000 to 12000: the fast path's range and both sides of it.
            long seconds = -125_000_000_000L + (long) (random.nextDouble() * 440_000_000_000L);
            Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            assertEquals(Json.TIMESTAMP.format(at), Json.timestamp(at), at.toString());
        }
        for (Instant at : new Instant[]{Instant.EPOCH, Instant.parse("2026-11-24T21:07:03.123456789Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T12:00:00.000001Z")}) {
            assertEquals(Json.TIMESTAMP.format(at), Json.timestamp(at), at.toString());
        }
        assertEquals("2026-11-24T21:07:03.123456Z", Json.timestamp(Instant.parse("2026-11-24T21:07:03.123456789Z")));
    }
}
