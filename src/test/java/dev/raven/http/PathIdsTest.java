package dev.raven.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Ids in paths: positive integers name things; anything else names nothing (404). */
class PathIdsTest {

    @Test
    void positiveIntegersAreIds() {
        assertEquals(1, PathIds.parse("1"));
        assertEquals(42, PathIds.parse("042"));
        assertEquals(999_999_999_999_999_999L, PathIds.parse("999999999999999999"));
    }

    @Test
    void everythingElseIsA404() {
        for (String text : List.of("", "0", "-1", "+1", "abc", "1a", "1.0", " 1", "1e3", "١", "9999999999999999999",
                "99999999999999999999999")) {
            ApiException e = assertThrows(ApiException.class, () -> PathIds.parse(text), text);
            assertEquals(404, e.status(), text);
            assertEquals("not_found", e.code(), text);
        }
    }
}
