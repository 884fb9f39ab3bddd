package io.statstream.api.access;

import java.util.Optional;

/**
 * Who is calling, as their API key says: a name for logs and metrics (never the key), the
 * highest role granted, and their own submission rate where it differs from the default.
 */
public record Caller(String name, Role role, Optional<Long> submissionsPerSecond) {
    /** Everyone, when the API runs open: on this machine only, or with {@code AUTH=off}. */
    public static final Caller ANONYMOUS = new Caller("anonymous", Role.ADMIN, Optional.empty());

    public boolean may(Role needed) {
        return role.includes(needed);
    }
}
