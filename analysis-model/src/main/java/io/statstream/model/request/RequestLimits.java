package io.statstream.model.request;

/**
 * Bounds on what one request may hold.
 *
 * @param maxValues the most numbers a single request may carry, across all its arrays
 */
public record RequestLimits(int maxValues) {
    public static final int DEFAULT_MAX_VALUES = 1_000_000;
    public static final RequestLimits DEFAULT = new RequestLimits(DEFAULT_MAX_VALUES);

    public RequestLimits {
        if (maxValues < 1) {
            throw new IllegalArgumentException("maxValues must be at least 1, got " + maxValues);
        }
    }
}
