package io.statstream.model.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.statstream.model.AnalysisType;
import io.statstream.model.WireEnum;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What statstream stores and serves for a key: the numbers ({@code done}) or the reason there are
 * none ({@code failed}), with when and by which engine version they were computed. A failed
 * envelope has no {@code type} when the request it answers named none the worker could read.
 */
// computed_at before the result: the sink reads it for every record it stores (peekComputedAt),
// and skipping a result's fields to reach it was a fifth of the sink's thread.
@JsonPropertyOrder({"key", "type", "status", "engine_version", "computed_at", "compute_micros", "result", "error"})
public record ResultEnvelope(
        ContentKey key,
        @JsonInclude(JsonInclude.Include.NON_NULL) AnalysisType type,
        ResultStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) AnalysisResult result,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error,
        String engineVersion,
        Instant computedAt,
        long computeMicros) {

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    public ResultEnvelope {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if (type == null && status == ResultStatus.DONE) {
            throw new IllegalArgumentException("a done envelope names its analysis type");
        }
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(computedAt, "computedAt");
        if ((status == ResultStatus.DONE) != (result != null) || (status == ResultStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("a done envelope has a result and no error, a failed one the reverse");
        }
    }

    public static ResultEnvelope done(ContentKey key, AnalysisType type, AnalysisResult result, String engineVersion,
                                      Instant computedAt, long computeMicros) {
        return new ResultEnvelope(key, type, ResultStatus.DONE, result, null, engineVersion, computedAt, computeMicros);
    }

    public static ResultEnvelope failed(ContentKey key, AnalysisType type, String error, String engineVersion,
                                        Instant computedAt, long computeMicros) {
        return new ResultEnvelope(key, type, ResultStatus.FAILED, null, error, engineVersion, computedAt, computeMicros);
    }

    /** Reads the result by the record its {@code type} names, since the JSON itself does not say. */
    @JsonCreator
    static ResultEnvelope fromJson(
            @JsonProperty("key") ContentKey key,
            @JsonProperty("type") AnalysisType type,
            @JsonProperty("status") ResultStatus status,
            @JsonProperty("result") JsonNode result,
            @JsonProperty("error") String error,
            @JsonProperty("engine_version") String engineVersion,
            @JsonProperty("computed_at") Instant computedAt,
            @JsonProperty("compute_micros") long computeMicros) throws JsonProcessingException {
        AnalysisResult typed = result == null || result.isNull() || type == null ? null : Json.fromTree(result, type.resultClass());
        return new ResultEnvelope(key, type, status, typed, error, engineVersion, computedAt, computeMicros);
    }

    /**
     * The analysis type of an envelope's (or a request's) JSON, read from its first fields without
     * parsing the rest (an envelope writes it second); empty if the JSON holds no known type.
     */
    public static Optional<AnalysisType> peekType(byte[] json) {
        return json == null ? Optional.empty() : peek(json, "type").flatMap(type -> WireEnum.fromWireName(AnalysisType.class, type));
    }

    /**
     * When an envelope's result was computed, read from the fields before its result (an envelope
     * writes it fifth); empty if the JSON holds no valid {@code computed_at}.
     */
    public static Optional<Instant> peekComputedAt(byte[] json) {
        return peek(json, "computed_at").flatMap(ResultEnvelope::parseInstant);
    }

    /**
     * {@link Instant#parse}, read directly where the text has the shape the worker writes
     * ({@code 2026-12-01T04:12:05.123456Z}: a four-digit year, UTC, up to nine digits of a second):
     * {@code Instant.parse} goes through {@code DateTimeFormatter}, which was a tenth of the sink's
     * thread. Any other shape is left to it.
     */
    private static Optional<Instant> parseInstant(String text) {
        int end = text.length() - 1; // the 'Z'
        boolean fraction = end > 20 && end <= 29 && text.charAt(19) == '.';
        if ((end == 19 || fraction) && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(end) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = fraction ? digits(text, 20, end) : 0;
            for (int scale = end - 20; fraction && scale < 9; scale++) {
                nanos *= 10;
            }
            if ((year | month | day | hour | minute | second | nanos) >= 0) { // each is -1 where a digit is missing
                try {
                    return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC));
                } catch (DateTimeException e) {
                    // not a day or a time of day (a leap second, a 30th of February): Instant.parse decides
                }
            }
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The number the decimal digits of {@code text} from {@code start} to {@code end} make, or -1 if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A top-level string field of the JSON, found by streaming over the fields before it. */
    private static Optional<String> peek(byte[] json, String name) {
        try (JsonParser parser = JSON_FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
