package io.statstream.store;

/** What the store holds for a content key: its result, a mark that one is on its way, or nothing. */
public sealed interface KeyState {
    KeyState PENDING = new Pending();
    KeyState UNKNOWN = new Unknown();

    /** The key's stored envelope. */
    record Done(byte[] envelope) implements KeyState {
    }

    /** Accepted, its result not stored yet. */
    record Pending() implements KeyState {
    }

    /** Neither: never accepted, or its result or mark has expired. */
    record Unknown() implements KeyState {
    }
}
