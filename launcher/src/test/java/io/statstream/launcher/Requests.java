package io.statstream.launcher;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Distinct valid requests in canonical form, for tests that write to Kafka directly. */
final class Requests {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    private Requests() {
    }

    static CanonicalForm canonical(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        if (parsed instanceof ParsedRequest.Valid valid) {
            return CanonicalForm.of(valid.request());
        }
        throw new IllegalArgumentException(json + " is invalid: " + parsed);
    }

    /** {@code count} descriptive requests no other test sends (the seed tells runs apart). */
    static List<CanonicalForm> distinct(int count, long seed) {
        return IntStream.range(0, count)
                .mapToObj(i -> canonical("{\"type\":\"descriptive\",\"data\":[" + seed + "," + i + ",1.5,2.5]}"))
                .toList();
    }
}
