package io.statstream.api.access;

import java.util.Locale;

/** What a caller may do. Each role includes the ones below it: admin ⊃ submit ⊃ read. */
public enum Role {
    /** Read results: GET by key, lookup, waits. */
    READ,
    /** Submit analyses, one or in bulk, and everything {@link #READ} may. */
    SUBMIT,
    /** Warm the cache (and list the hottest inputs), replay dead letters, read metrics and health detail. */
    ADMIN;

    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role \"" + name + "\" (read, submit or admin)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
