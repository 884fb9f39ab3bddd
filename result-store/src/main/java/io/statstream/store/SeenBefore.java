package io.statstream.store;

/**
 * Whether something (a key's result, a body's bytes) was seen once before, roughly: a table of the
 * last thing seen in each slot (a fingerprint of it), no objects. Caches fill from a second sighting
 * with it, because under a stream of new analyses almost everything is seen once, and caching each
 * at its first sighting kept it for half a minute: long enough for G1 to copy it between young
 * generations a dozen times. Something seen again while its slot still holds it is a repeat; one
 * whose slot another took meanwhile starts over, which only delays its caching. Threads may race on
 * a slot: the loser's sighting only counts as a first one.
 */
public final class SeenBefore {
    private static final int SLOTS = 1 << 16; // 512 KiB: at 2,000 new things a second, a slot lasts half a minute

    private final long[] lastSeen = new long[SLOTS];

    /**
     * Counts this sighting, and answers whether the same was seen before. Both numbers come from a
     * hash (a content key's words, a digest's): {@code slotBits} picks the slot, {@code fingerprint}
     * tells things apart within it.
     */
    public boolean sawBefore(long slotBits, long fingerprint) {
        int slot = (int) slotBits & (SLOTS - 1);
        if (lastSeen[slot] == fingerprint) {
            return true;
        }
        lastSeen[slot] = fingerprint;
        return false;
    }
}
