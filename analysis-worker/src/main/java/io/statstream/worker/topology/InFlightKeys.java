package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys one partition sent to be computed whose results the store did not yet show, in memory.
 * The same key always lands on the same partition, so one task sees every copy of a key and the
 * check is exact while the task lives. Nothing is logged: a result is a pure function of its key,
 * so what a crash or a moved partition forgets costs at most a second computation of what was in
 * flight then, never a result (before, a RocksDB store and its changelog took a fifth of the
 * stream thread's time for this).
 * <p>
 * An entry ends when the store shows the result ({@link #forget}), or after the retention, or
 * when the bound is reached (oldest first): entries are kept in the order they were made, so the
 * oldest is always at the head. Each holds the offset of the copy that was computed: the same
 * record read again (a rewind after a failed commit) is computed again, not taken for its own
 * duplicate.
 */
final class InFlightKeys {
    /** Far more than a partition has in flight when results flow; bounds memory when they do not. */
    static final int MAX_KEYS = 20_000;

    private final long retentionMillis;
    private final Map<ContentKey, Computed> entries = new LinkedHashMap<>();

    private record Computed(long offset, long sinceMillis) {
    }

    InFlightKeys(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("in-flight retention must be positive, got " + retention);
        }
        this.retentionMillis = retention.toMillis();
    }

    /**
     * Whether another copy of the key, not the record at {@code offset}, was sent within the
     * retention. A negative offset is unknown (a record without metadata): never the same record.
     */
    boolean isInFlight(ContentKey key, long offset, long nowMillis) {
        forgetExpired(nowMillis);
        Computed computed = entries.get(key);
        return computed != null && (offset < 0 || computed.offset() != offset);
    }

    void remember(ContentKey key, long offset, long nowMillis) {
        entries.remove(key); // re-inserted at the tail: the order stays the order of the entries' times
        entries.put(key, new Computed(offset, nowMillis));
        if (entries.size() > MAX_KEYS) {
            Iterator<ContentKey> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The store shows the key's result: later copies are dropped as stored, not as in flight. */
    void forget(ContentKey key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private void forgetExpired(long nowMillis) {
        Iterator<Computed> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext() && nowMillis - oldestFirst.next().sinceMillis() >= retentionMillis) {
            oldestFirst.remove();
        }
    }
}
