package io.statstream.store;

import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstRequestsTest {
    private static final ContentKey KEY = new ContentKey("ab".repeat(32));
    private static final ContentKey OTHER = new ContentKey("cd".repeat(32));

    @Test
    void aFirstRequestIsCountedWithTheSecond() {
        FirstRequests first = new FirstRequests();
        assertEquals(0, first.toCount(KEY, 1), "a key requested once is not counted yet");
        assertEquals(2, first.toCount(KEY, 1), "its second request counts both");
        assertEquals(1, first.toCount(KEY, 1));
        assertEquals(3, first.toCount(KEY, 3));
    }

    @Test
    void aTallyWithNothingInItYetChangesNothing() {
        FirstRequests first = new FirstRequests();
        assertEquals(0, first.toCount(KEY, 0));
        assertEquals(0, first.toCount(KEY, 1), "still its first request");
        assertEquals(2, first.toCount(KEY, 1));
    }

    @Test
    void aKeyRequestedSeveralTimesInASecondIsCountedAtOnce() {
        FirstRequests first = new FirstRequests();
        assertEquals(2, first.toCount(OTHER, 2));
        assertEquals(1, first.toCount(OTHER, 1), "its first request was counted already");
        assertEquals(0, first.toCount(KEY, 1), "another key is on its own");
        assertEquals(4, first.toCount(KEY, 3));
    }
}
