package io.statstream.api;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code wait} query parameter: {@code 5s}, {@code 500ms} or plain seconds, at most {@link #MAX}. */
final class WaitParameter {
    static final Duration MAX = Duration.ofSeconds(30);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})(ms|s)?");

    private WaitParameter() {
    }

    /** Empty when absent; an {@link ApiException} when malformed or longer than {@link #MAX}. */
    static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new ApiException(ApiError.INVALID_PARAMETER, "wait must look like 5s or 500ms, got \"" + text + '"');
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration wait = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (wait.compareTo(MAX) > 0) {
            throw new ApiException(ApiError.INVALID_PARAMETER, "wait may be at most " + MAX.toSeconds() + "s, got " + text);
        }
        return Optional.of(wait);
    }
}
