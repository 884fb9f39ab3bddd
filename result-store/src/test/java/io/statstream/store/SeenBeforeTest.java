package io.statstream.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeenBeforeTest {
    private final SeenBefore seen = new SeenBefore();

    @Test
    void aSecondSightingIsARepeat() {
        assertFalse(seen.sawBefore(1, 42));
        assertTrue(seen.sawBefore(1, 42));
        assertTrue(seen.sawBefore(1, 42));
    }

    @Test
    void anotherThingInTheSameSlotMakesTheFirstStartOver() {
        assertFalse(seen.sawBefore(1, 42));
        assertFalse(seen.sawBefore(1 + (1L << 32), 43), "only the low bits pick the slot");
        assertFalse(seen.sawBefore(1, 42), "its slot was taken: a first sighting again, a cache fills later");
        assertTrue(seen.sawBefore(1, 42));
    }

    @Test
    void thingsInOtherSlotsDoNotDisturbEachOther() {
        assertFalse(seen.sawBefore(1, 42));
        assertFalse(seen.sawBefore(2, 43));
        assertTrue(seen.sawBefore(1, 42));
        assertTrue(seen.sawBefore(2, 43));
    }
}
