package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

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
    void theBoundCountsTheKeysNotTheForgottenOnes() {
        InFlightKeys four = new InFlightKeys(RETENTION, 4);
        for (int i = 1; i <= 4; i++) {
            four.remember(key(i), i, 0);
        }
        four.forget(key(2));
        four.remember(key(5), 5, 0);
        assertTrue(four.isInFlight(key(1), -1, 0), "three keys and a forgotten one are within a bound of four");
        four.remember(key(6), 6, 0);
        assertFalse(four.isInFlight(key(1), -1, 0), "the oldest key goes when a fifth is made");
        for (int i : new int[]{3, 4, 5, 6}) {
            assertTrue(four.isInFlight(key(i), -1, 0));
        }
        assertEquals(4, four.size());
    }

    /** Random remembers, forgets, refreshes and expiries, checked against a map kept in the order the keys were made. */
    @ParameterizedTest(name = "bound {0}, {1} different keys")
    @CsvSource({"20000, 3000", "50, 200", "4, 9"})
    void agreesWithAnOrderedMapUnderRandomOperations(int bound, int differentKeys) {
        InFlightKeys inFlight = new InFlightKeys(RETENTION, bound);
        Map<ContentKey, long[]> expected = new LinkedHashMap<>(); // key -> {offset, since}, oldest first
        ContentKey[] keys = IntStream.range(0, differentKeys).mapToObj(InFlightKeysTest::key).toArray(ContentKey[]::new);
        Random random = new Random(bound);
        long now = 0;
        for (int step = 0; step < 200_000; step++) {
            now += random.nextInt(2);
            ContentKey key = keys[random.nextInt(differentKeys)];
            switch (random.nextInt(3)) {
                case 0 -> {
                    inFlight.remember(key, step, now);
                    expected.remove(key);
                    expected.put(key, new long[]{step, now});
                    if (expected.size() > bound) {
                        expected.remove(expected.keySet().iterator().next());
                    }
                }
                case 1 -> {
                    inFlight.forget(key);
                    expected.remove(key);
                }
                default -> {
                    long[] entry = expected.get(key);
                    boolean inFlightNow = entry != null && now - entry[1] < RETENTION.toMillis();
                    assertEquals(inFlightNow, inFlight.isInFlight(key, step, now), "step " + step);
                }
            }
        }
        long end = now;
        expected.values().removeIf(entry -> end - entry[1] >= RETENTION.toMillis());
        inFlight.isInFlight(key(0), -1, end); // expires what is due
        assertEquals(expected.size(), inFlight.size());
    }

    @Test
    void aRetentionMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightKeys(Duration.ZERO));
    }

    private static ContentKey key(int i) {
        return new ContentKey(String.format("%064x", i));
    }
}
