package io.statstream.store;

import com.github.benmanes.caffeine.cache.Cache;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts in this process, per hour, bounded like the in-process results. */
final class InProcessHotKeys implements HotKeys {
    private final Clock clock;
    private final Map<Long, Map<ContentKey, LongAdder>> countsByHour = new ConcurrentHashMap<>();
    private final Cache<ContentKey, String> forms;

    InProcessHotKeys(Clock clock, long maxEntries) {
        this.clock = clock;
        this.forms = LocalCaches.builder().maximumSize(maxEntries).expireAfterWrite(RETENTION).build();
    }

    @Override
    public CompletionStage<Void> record(Collection<Counted> requests) {
        long hour = HourBuckets.current(clock);
        Map<ContentKey, LongAdder> counts = countsByHour.computeIfAbsent(hour, h -> new ConcurrentHashMap<>());
        for (Counted counted : requests) {
            CanonicalForm form = counted.form();
            LongAdder count = counts.computeIfAbsent(form.key(), k -> new LongAdder());
            count.add(counted.count());
            if (count.sum() >= REPLAYABLE_FROM && form.json().length() <= MAX_REPLAYABLE_BYTES) {
                forms.put(form.key(), form.json());
            }
        }
        countsByHour.keySet().removeIf(h -> h <= hour - RETENTION.toHours());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<String>> top(int n, Duration window) {
        Map<ContentKey, Long> totals = new HashMap<>();
        for (long hour : HourBuckets.lastWindow(clock, window)) {
            countsByHour.getOrDefault(hour, Map.of()).forEach((key, count) -> totals.merge(key, count.sum(), Long::sum));
        }
        List<String> top = totals.entrySet().stream()
                .sorted(Map.Entry.<ContentKey, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> forms.getIfPresent(entry.getKey()))
                .filter(json -> json != null)
                .limit(n)
                .toList();
        return CompletableFuture.completedFuture(top);
    }
}
