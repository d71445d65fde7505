package vn.nhan.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget of large-body bytes on its own: what a request counts for, and taking without waiting. */
class BodyBudgetTest {
    private final BodyBudget budget = new BodyBudget(3000, 100, 1000);

    @Test
    void aRequestCountsForItsDeclaredSizeWhenLarge() {
        assertEquals(0, budget.cost(-1, false), "no body");
        assertEquals(0, budget.cost(100, false), "a small body counts for nothing");
        assertEquals(101, budget.cost(101, false));
        assertEquals(1000, budget.cost(1000, false));
        assertEquals(1000, budget.cost(50_000, false), "over the largest allowed: counts as the largest (the route refuses it with 413)");
        assertEquals(1000, budget.cost(-1, true), "chunked: counts as the largest allowed");
    }

    @Test
    void takesWhileTheBytesAreFreeAndRefusesAtOnceAfter() {
        assertTrue(budget.tryTake(1000));
        assertTrue(budget.tryTake(1000));
        assertTrue(budget.tryTake(900));
        assertEquals(2900, budget.inUse());
        assertFalse(budget.tryTake(101), "101 bytes do not fit in the 100 left");
        assertTrue(budget.tryTake(0), "a small body is never refused by the budget");
        assertEquals(1, budget.refused());
        budget.release(1000);
        assertTrue(budget.tryTake(1000), "released bytes can be taken again");
        budget.release(1000);
        budget.release(1000);
        budget.release(900);
        budget.release(0);
        assertEquals(0, budget.inUse());
    }

    @Test
    void aBudgetMustHoldTheLargestBody() {
        assertThrows(IllegalArgumentException.class, () -> new BodyBudget(999, 100, 1000));
    }
}
