package io.balance.survey.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowCounterTest {
    @Test
    void countsExactlyOverASlidingWindowAcrossMinuteBoundaries() {
        WindowCounter c = new WindowCounter(60_000, 21);
        long t = 59_000; // one second before a minute boundary
        for (int i = 1; i <= 20; i++) {
            assertEquals(i, c.hit("a", t + i * 100)); // 20 events straddling the boundary
        }
        assertEquals(21, c.hit("a", 61_500));
        assertEquals(1, c.hit("b", 61_500), "keys are separate");
        // 60 s after the first events they leave the window one by one
        assertEquals(21, c.hit("a", 119_150)); // the event at 59.1 s has left: 19 + 1 + this one
        assertEquals(1, c.hit("a", 300_000), "everything older than the window is gone");
    }

    @Test
    void capBoundsMemoryAndSaturates() {
        WindowCounter c = new WindowCounter(1_000, 3);
        assertEquals(1, c.hit("k", 0));
        assertEquals(2, c.hit("k", 1));
        assertEquals(3, c.hit("k", 2));
        assertEquals(3, c.hit("k", 3), "saturates at the cap");
        c.sweep(10_000);
        assertEquals(1, c.hit("k", 10_001));
    }
}
