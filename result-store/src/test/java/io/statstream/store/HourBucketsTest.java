package io.statstream.store;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HourBucketsTest {
    @Test
    void aWindowIncludesTheOldestPartialHour() {
        Clock at = Clock.fixed(Instant.parse("2026-11-25T11:02:00Z"), ZoneOffset.UTC);
        long eleven = Instant.parse("2026-11-25T11:00:00Z").getEpochSecond() / 3600;
        assertEquals(List.of(eleven, eleven - 1), HourBuckets.lastWindow(at, Duration.ofHours(1)));
        assertEquals(List.of(eleven), HourBuckets.lastWindow(at, Duration.ofMinutes(2)));
    }
}
