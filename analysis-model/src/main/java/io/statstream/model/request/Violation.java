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

    /** The most of a client's own text (a field name, a type) a violation repeats. */
    public static final int MAX_QUOTED_CHARS = 64;

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A client's text as a violation may repeat it: at most {@value #MAX_QUOTED_CHARS} characters,
     * so that an error answer cannot be made as large as the request that caused it.
     */
    public static String quoted(String clientText) {
        return clientText.length() <= MAX_QUOTED_CHARS ? clientText
                : clientText.substring(0, MAX_QUOTED_CHARS) + "… (" + clientText.length() + " characters)";
    }
}
