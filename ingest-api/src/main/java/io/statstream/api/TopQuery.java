package io.statstream.api;

import io.statstream.store.HotKeys;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;

/** {@code ?top=N&hours=P}: the N most requested inputs of the last P hours (24 unless given). */
record TopQuery(int top, Duration window) {
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** As far back as request counts are kept; the scheduled refresh (WARM_REFRESH_HOURS) asks within it too. */
    static final int MAX_HOURS = (int) HotKeys.RETENTION.toHours();

    /** Read from the request; a missing {@code top} is {@code defaultTop}. 400 naming the parameter when out of range. */
    static TopQuery of(HttpServerRequest request, int defaultTop, int maxTop) {
        String top = request.getParam("top");
        String hours = request.getParam("hours");
        return new TopQuery(top == null ? defaultTop : positive("top", top, maxTop),
                hours == null ? DEFAULT_WINDOW : Duration.ofHours(positive("hours", hours, MAX_HOURS)));
    }

    private static int positive(String name, String text, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(ApiError.INVALID_PARAMETER, name + " must be a whole number from 1 to " + max + ", got \"" + text + '"');
    }
}
