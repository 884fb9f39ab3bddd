package io.statstream.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Hours as bucket numbers (hours since the epoch), for counting requests per hour. */
final class HourBuckets {
    private HourBuckets() {
    }

    private static final long SECONDS = Duration.ofHours(1).toSeconds();

    static long current(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond() / SECONDS;
    }

    /** When the bucket's hour begins. */
    static Instant start(long bucket) {
        return Instant.ofEpochSecond(bucket * SECONDS);
    }

    /** The buckets that overlap the last {@code window}, the oldest partial hour included, newest first. */
    static List<Long> lastWindow(Clock clock, Duration window) {
        long newest = current(clock);
        long oldest = current(Clock.fixed(clock.instant().minus(window), clock.getZone()));
        List<Long> buckets = new ArrayList<>();
        for (long hour = newest; hour >= oldest; hour--) {
            buckets.add(hour);
        }
        return buckets;
    }
}
