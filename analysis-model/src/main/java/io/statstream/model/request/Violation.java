package io.statstream.model.request;

import java.util.Objects;

/**
 * One reason a request is invalid.
 *
 * @param field   where, as a path into the request: {@code data[3]}, {@code groups[1][0]}, or {@code $}
 *                for the request as a whole
 * @param code    why, as a stable code
 * @param message why, for a person
 */
public record Violation(String field, ViolationCode code, String message) {
    /** The field name used when the request as a whole is at fault. */
    public static final String ROOT = "$";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
