package dev.raven.http.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue behind media.upload.buffer.bytes: arrival order, oversized uploads, giving up. */
class UploadBudgetUnitTest {
    private final List<String> granted = new ArrayList<>();

    private Runnable grant(String name) {
        return () -> granted.add(name);
    }

    @Test
    void uploadsThatFitAreReservedAtOnceAndTheRestWaitInArrivalOrder() {
        UploadBudget budget = new UploadBudget(100);
        assertNull(budget.reserveOrWait(60, grant("a")));
        UploadBudget.Waiter b = budget.reserveOrWait(60, grant("b"));
        assertNotNull(b);
        // Fits, but would jump the queue ahead of b: waits too.
        assertNotNull(budget.reserveOrWait(10, grant("c")));
        assertEquals(2, budget.waiting());
        assertFalse(b.isGranted());

        budget.release(60);
        assertEquals(List.of("b", "c"), granted);
        assertTrue(b.isGranted(), "a grant is visible to whoever set the waiter's give-up timer");
        assertEquals(70, budget.reserved());
        budget.release(60);
        budget.release(10);
        assertEquals(0, budget.reserved());
    }

    @Test
    void anUploadLargerThanTheBudgetTakesAllOfItAndRunsAlone() {
        UploadBudget budget = new UploadBudget(100);
        assertNull(budget.reserveOrWait(500, grant("big")));
        assertEquals(100, budget.reserved());
        assertNotNull(budget.reserveOrWait(1, grant("small")));
        budget.release(500);
        assertEquals(List.of("small"), granted);
        assertEquals(1, budget.reserved());
    }

    @Test
    void aWaiterThatGivesUpLetsTheOnesBehindItIn() {
        UploadBudget budget = new UploadBudget(100);
        assertNull(budget.reserveOrWait(50, grant("a")));
        UploadBudget.Waiter big = budget.reserveOrWait(80, grant("big"));
        assertNotNull(budget.reserveOrWait(40, grant("small")));
        assertTrue(budget.abandon(big));
        assertEquals(List.of("small"), granted);
        assertEquals(90, budget.reserved());
        assertFalse(budget.abandon(big), "already gone");
    }

    @Test
    void aGrantedWaiterCannotBeAbandoned() {
        UploadBudget budget = new UploadBudget(100);
        assertNull(budget.reserveOrWait(100, grant("a")));
        UploadBudget.Waiter b = budget.reserveOrWait(100, grant("b"));
        budget.release(100);
        assertEquals(List.of("b"), granted);
        assertFalse(budget.abandon(b), "b owns its bytes now");
        assertEquals(100, budget.reserved());
    }

    @Test
    void aBudgetMustHaveRoom() {
        assertThrows(IllegalArgumentException.class, () -> new UploadBudget(0));
    }
}
