package io.statstream.model.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultEnvelopeTest {
    private static final ContentKey KEY = new ContentKey("a".repeat(64));
    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aDoneEnvelopeIsSnakeCaseJsonWithNullForAnUnboundedSide() throws IOException {
        ResultEnvelope envelope = ResultEnvelope.done(KEY, AnalysisType.TTEST_ONE_SAMPLE,
                new TTestResult(2.5, 9, 0.98, 1.2, null, 2.1, 0.8, 10), EngineVersion.CURRENT, AT, 42);
        JsonNode json = Json.toTree(envelope);

        assertEquals(List.of("key", "type", "status", "engine_version", "computed_at", "compute_micros", "result"),
                iterable(json.fieldNames()));
        assertEquals("ttest_one_sample", json.get("type").textValue());
        assertEquals("done", json.get("status").textValue());
        assertEquals("2026-11-25T12:00:00Z", json.get("computed_at").textValue());
        assertEquals(List.of("statistic", "df", "p_value", "estimate", "ci_low", "ci_high", "cohens_d", "n"),
                iterable(json.get("result").fieldNames()));
        assertTrue(json.get("result").get("ci_low").isNull());

        ResultEnvelope read = Json.read(Json.write(envelope), ResultEnvelope.class);
        assertEquals(envelope, read);
    }

    @Test
    void aFailedEnvelopeCarriesTheReasonAndNoResult() throws IOException {
        ResultEnvelope envelope = ResultEnvelope.failed(KEY, AnalysisType.REGRESSION_OLS, "singular", EngineVersion.CURRENT, AT, 7);
        JsonNode json = Json.toTree(envelope);
        assertFalse(json.has("result"));
        assertEquals("singular", json.get("error").textValue());
        assertEquals(envelope, Json.read(Json.write(envelope), ResultEnvelope.class));
    }

    @Test
    void eachTypeReadsBackAsItsOwnResultRecord() throws IOException {
        ResultEnvelope envelope = ResultEnvelope.done(KEY, AnalysisType.REGRESSION_OLS,
                new RegressionResult(new double[]{1, 2}, new double[]{0.1, 0.2}, new double[]{10, 10},
                        new double[]{0.001, 0.001}, 0.9, 0.89, 100, 1e-6, 0.3, 8, 10), EngineVersion.CURRENT, AT, 3);
        ResultEnvelope read = Json.read(Json.write(envelope), ResultEnvelope.class);
        RegressionResult result = assertInstanceOf(RegressionResult.class, read.result());
        assertEquals(0.89, result.adjRSquared());
        assertTrue(Json.toTree(envelope).get("result").has("f_p_value"));
    }

    @Test
    void computedAtIsReadAsInstantParseReadsIt() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("2016-12-31T23:59:60Z", "2026-02-30T00:00:00Z", "2026-12-01T04:12:05.Z",
                "2026-12-01T04:12:05.1234567890Z", "2026-12-01T04:12:05+01:00", "+12026-12-01T04:12:05Z", "2026-1x-01T04:12:05Z",
                "2026-12-01T24:00:00Z", "yesterday", ""));
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
            texts.add(instant.toString());
            texts.add(instant.truncatedTo(ChronoUnit.SECONDS).toString());
            texts.add(instant.truncatedTo(ChronoUnit.MILLIS).toString());
            texts.add(instant.truncatedTo(ChronoUnit.MICROS).toString());
        }
        for (String text : texts) {
            Optional<Instant> expected;
            try {
                expected = Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                expected = Optional.empty();
            }
            assertEquals(expected, ResultEnvelope.peekComputedAt(("{\"computed_at\":\"" + text + "\"}").getBytes()), text);
        }
    }

    @Test
    void typeAndComputedAtAreReadPastTheResultWithoutParsingIt() {
        byte[] json = Json.write(ResultEnvelope.done(KEY, AnalysisType.REGRESSION_OLS,
                new RegressionResult(new double[]{1, 2}, new double[]{0.1, 0.2}, new double[]{10, 10},
                        new double[]{0.001, 0.002}, 0.9, 0.88, 50, 0.0001, 0.3, 8, 10), EngineVersion.CURRENT, AT, 3));
        assertEquals(Optional.of(AnalysisType.REGRESSION_OLS), ResultEnvelope.peekType(json));
        assertEquals(Optional.of(AT), ResultEnvelope.peekComputedAt(json));
        assertEquals(Optional.empty(), ResultEnvelope.peekComputedAt("{\"computed_at\":\"yesterday\"}".getBytes()));
        assertEquals(Optional.empty(), ResultEnvelope.peekComputedAt("[]".getBytes()));
    }

    @Test
    void aResultCannotHoldANumberJsonCannotSpell() {
        AnalysisFailure failure = assertThrows(AnalysisFailure.class,
                () -> new CorrelationResult(Double.NaN, 0.5, 10));
        assertTrue(failure.getMessage().startsWith("coefficient is undefined"));
    }

    @Test
    void doneAndFailedAreExclusive() {
        assertThrows(IllegalArgumentException.class, () -> new ResultEnvelope(KEY, AnalysisType.DESCRIPTIVE,
                ResultStatus.DONE, null, "why", EngineVersion.CURRENT, AT, 1));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
