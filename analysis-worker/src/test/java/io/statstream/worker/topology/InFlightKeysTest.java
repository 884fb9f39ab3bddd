package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightKeysTest {
    private static final Duration RETENTION = Duration.ofSeconds(60);

    private final InFlightKeys keys = new InFlightKeys(RETENTION);

    @Test
    void anotherCopyOfARememberedKeyIsInFlight() {
        keys.remember(key(1), 10, 0);
        assertTrue(keys.isInFlight(key(1), 11, 1_000));
        assertFalse(keys.isInFlight(key(2), 12, 1_000));
    }

    @Test
    void theRecordThatWasComputedIsNotItsOwnDuplicate() {
        keys.remember(key(1), 10, 0);
        assertFalse(keys.isInFlight(key(1), 10, 1_000), "the same offset read again after a rewind is computed again");
    }

    @Test
    void aCopyWhoseOffsetIsUnknownIsInFlight() {
        keys.remember(key(1), -1, 0);
        assertTrue(keys.isInFlight(key(1), -1, 1_000), "without metadata, a copy cannot be the computed record");
    }

    @Test
    void aKeyEndsWhenTheStoreShowsItsResult() {
        keys.remember(key(1), 10, 0);
        keys.forget(key(1));
        assertFalse(keys.isInFlight(key(1), 11, 1_000));
        assertEquals(0, keys.size());
    }

    @Test
    void aKeyEndsAfterTheRetention() {
        keys.remember(key(1), 10, 0);
        keys.remember(key(2), 11, 30_000);
        assertFalse(keys.isInFlight(key(1), 12, RETENTION.toMillis()));
        assertTrue(keys.isInFlight(key(2), 13, RETENTION.toMillis()));
        assertEquals(1, keys.size());
    }

    @Test
    void rememberingAKeyAgainRestartsItsRetention() {
        keys.remember(key(1), 10, 0);
        keys.remember(key(2), 11, 1);
        keys.remember(key(1), 12, 50_000); // a refresh of key 1
        assertTrue(keys.isInFlight(key(1), 13, RETENTION.toMillis() + 1));
        assertFalse(keys.isInFlight(key(2), 14, RETENTION.toMillis() + 1));
    }

    @Test
    void theOldestKeysGoFirstBeyondTheBound() {
        for (int i = 0; i <= InFlightKeys.MAX_KEYS; i++) {
            keys.remember(key(i), i, 0);
        }
        assertEquals(InFlightKeys.MAX_KEYS, keys.size());
        assertFalse(keys.isInFlight(key(0), -1, 0));
        assertTrue(keys.isInFlight(key(InFlightKeys.MAX_KEYS), -1, 0));
    }

    @Test
    void aRetentionMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightKeys(Duration.ZERO));
    }

    private static ContentKey key(int i) {
        return new ContentKey(String.format("%064x", i));
    }
}
