package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;

import java.time.Duration;
import java.util.Arrays;

/**
 * The keys one partition sent to be computed whose results the store did not yet show, in memory.
 * The same key always lands on the same partition, so one task sees every copy of a key and the
 * check is exact while the task lives. Nothing is logged: a result is a pure function of its key,
 * so what a crash or a moved partition forgets costs at most a second computation of what was in
 * flight then, never a result (before, a RocksDB store and its changelog took a fifth of the
 * stream thread's time for this).
 * <p>
 * An entry ends when the store shows the result ({@link #forget}), or after the retention, or
 * when the bound is reached (oldest first). Each holds the offset of the copy that was computed:
 * the same record read again (a rewind after a failed commit) is computed again, not taken for its
 * own duplicate.
 * <p>
 * Held in arrays of primitives, not in a map of objects: a key seen once is only forgotten by the
 * retention or the bound, so under a stream of new analyses every entry lived for half a minute
 * (20,000 per partition at ~700 new keys a second). As objects, G1 copied each of them up to
 * fifteen times between young generations and scanned the old map's cards for new entries at
 * every pause; arrays of longs hold no references and are allocated once.
 * <p>
 * The entries form a ring in the order they were made (the oldest at {@code head}), so expiry and
 * the bound take from the head. A forgotten entry leaves a hole that the head skips; the ring has
 * room for twice the bound, so when it is full at least half of it is holes, and moving the live
 * entries together costs less than one step per entry made. Each live entry is also in a chained
 * hash index (bucket heads, and a next link per slot).
 */
final class InFlightKeys {
    /** Far more than a partition has in flight when results flow; bounds memory when they do not. */
    static final int MAX_KEYS = 20_000;
    private static final int INITIAL_SLOTS = 1_024;
    private static final int WORDS = 4; // a SHA-256 as four longs
    private static final int PROBE = WORDS - 1; // the word that picks the bucket and is compared first
    private static final int NONE = -1;

    private final long retentionMillis;
    private final int maxKeys;
    private long[] words;
    private long[] offsets;
    private long[] sinceMillis; // NONE where the slot is a hole
    private int[] next;
    private int[] buckets;
    private int head;
    private int used; // slots from the head, holes included
    private int live;

    InFlightKeys(Duration retention) {
        this(retention, MAX_KEYS);
    }

    InFlightKeys(Duration retention, int maxKeys) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("in-flight retention must be positive, got " + retention);
        }
        this.retentionMillis = retention.toMillis();
        this.maxKeys = maxKeys;
        allocate(Math.min(INITIAL_SLOTS, 2 * maxKeys));
    }

    /**
     * Whether another copy of the key, not the record at {@code offset}, was sent within the
     * retention. A negative offset is unknown (a record without metadata): never the same record.
     */
    boolean isInFlight(ContentKey key, long offset, long nowMillis) {
        forgetExpired(nowMillis);
        int slot = find(key);
        return slot != NONE && (offset < 0 || offsets[slot] != offset);
    }

    void remember(ContentKey key, long offset, long nowMillis) {
        int existing = find(key);
        if (existing != NONE) {
            remove(existing); // re-made at the tail: the ring stays in the order of the entries' times
        }
        if (live == maxKeys) {
            dropOldest();
        }
        if (used == sinceMillis.length) {
            allocate(Math.min(sinceMillis.length * 2, 2 * maxKeys)); // grows, or else moves the live entries together
        }
        int slot = (head + used) % sinceMillis.length;
        for (int w = 0; w < WORDS; w++) {
            words[slot * WORDS + w] = key.word(w);
        }
        offsets[slot] = offset;
        sinceMillis[slot] = nowMillis;
        int bucket = bucket(words[slot * WORDS + PROBE]);
        next[slot] = buckets[bucket];
        buckets[bucket] = slot;
        used++;
        live++;
    }

    /** The store shows the key's result: later copies are dropped as stored, not as in flight. */
    void forget(ContentKey key) {
        int slot = find(key);
        if (slot != NONE) {
            remove(slot);
        }
    }

    int size() {
        return live;
    }

    private void forgetExpired(long nowMillis) {
        while (used > 0 && (sinceMillis[head] == NONE || nowMillis - sinceMillis[head] >= retentionMillis)) {
            dropHead();
        }
    }

    private void dropOldest() {
        while (sinceMillis[head] == NONE) {
            dropHead();
        }
        dropHead();
    }

    private void dropHead() {
        if (sinceMillis[head] != NONE) {
            remove(head);
        }
        head = (head + 1) % sinceMillis.length;
        used--;
    }

    private int find(ContentKey key) {
        long probe = key.word(PROBE);
        for (int slot = buckets[bucket(probe)]; slot != NONE; slot = next[slot]) {
            if (words[slot * WORDS + PROBE] == probe && sameKey(slot, key)) {
                return slot;
            }
        }
        return NONE;
    }

    private boolean sameKey(int slot, ContentKey key) {
        for (int w = 0; w < PROBE; w++) {
            if (words[slot * WORDS + w] != key.word(w)) {
                return false;
            }
        }
        return true;
    }

    /** Unlinks a live slot from the index and leaves a hole in the ring. */
    private void remove(int slot) {
        int bucket = bucket(words[slot * WORDS + PROBE]);
        if (buckets[bucket] == slot) {
            buckets[bucket] = next[slot];
        } else {
            int before = buckets[bucket];
            while (next[before] != slot) {
                before = next[before];
            }
            next[before] = next[slot];
        }
        sinceMillis[slot] = NONE;
        live--;
    }

    /** New arrays of {@code slots} slots, the ring's entries moved to their start, the index rebuilt. */
    private void allocate(int slots) {
        long[] oldWords = words;
        long[] oldOffsets = offsets;
        long[] oldSince = sinceMillis;
        words = new long[slots * WORDS];
        offsets = new long[slots];
        sinceMillis = new long[slots];
        next = new int[slots];
        buckets = new int[Integer.highestOneBit(slots) * 2]; // a power of two, at least the slots
        Arrays.fill(buckets, NONE);
        int moved = 0;
        for (int i = 0; i < used; i++) {
            int from = (head + i) % oldSince.length;
            if (oldSince[from] == NONE) {
                continue;
            }
            System.arraycopy(oldWords, from * WORDS, words, moved * WORDS, WORDS);
            offsets[moved] = oldOffsets[from];
            sinceMillis[moved] = oldSince[from];
            int bucket = bucket(words[moved * WORDS + PROBE]);
            next[moved] = buckets[bucket];
            buckets[bucket] = moved;
            moved++;
        }
        head = 0;
        used = moved;
    }

    private int bucket(long probe) {
        return (int) ((probe * 0x9E3779B97F4A7C15L) >>> 32) & (buckets.length - 1); // mixed, for keys that are not hashes (tests)
    }
}
