package io.statstream.store;

import io.statstream.model.key.ContentKey;

/**
 * Which keys' results were read once before, roughly: a table of the last key read in each slot
 * (a fingerprint of it), no objects. A key read again while its slot still holds it is a second
 * read; one whose slot another key took meanwhile starts over, which only delays its caching.
 * Threads may race on a slot: the loser's read is only counted as a first one.
 */
final class SecondReads {
    private static final int SLOTS = 1 << 16; // 512 KiB: at 2,000 new results a second, a slot lasts half a minute

    private final long[] lastRead = new long[SLOTS];

    /** Counts this read of the key's result, and answers whether it is the second (or a later one). */
    boolean readBefore(ContentKey key) {
        int slot = (int) key.word(0) & (SLOTS - 1);
        long fingerprint = key.word(1);
        if (lastRead[slot] == fingerprint) {
            return true;
        }
        lastRead[slot] = fingerprint;
        return false;
    }
}
