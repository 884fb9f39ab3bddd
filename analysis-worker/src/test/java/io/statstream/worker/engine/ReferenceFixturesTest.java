package io.statstream.worker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.json.Json;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.AnalysisResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine against values computed by R, by SciPy and certified by NIST. Each case goes through
 * the same parser a client's request goes through, so the fixtures also exercise the contract.
 */
class ReferenceFixturesTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    static Stream<ReferenceCase> rCases() {
        return ReferenceCase.load("/reference/r.ndjson").stream();
    }

    static Stream<ReferenceCase> scipyCases() {
        return ReferenceCase.load("/reference/scipy.ndjson").stream();
    }

    static Stream<ReferenceCase> nistCases() {
        return ReferenceCase.load("/reference/nist.ndjson").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void engineMatchesR(ReferenceCase reference) {
        assertMatches(reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scipyCases")
    void engineMatchesSciPy(ReferenceCase reference) {
        assertMatches(reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nistCases")
    void engineMatchesNistCertifiedValues(ReferenceCase reference) {
        assertMatches(reference);
    }

    private static void assertMatches(ReferenceCase reference) {
        ParsedRequest parsed = PARSER.parse(reference.request());
        ParsedRequest.Valid valid = assertInstanceOf(ParsedRequest.Valid.class, parsed, () -> "rejected: " + parsed);
        AnalysisResult result;
        try {
            result = Engine.compute(valid.request());
        } catch (AnalysisFailure failure) {
            throw new AssertionError(reference.name() + " failed: " + failure.getMessage(), failure);
        }
        JsonNode actual = Json.toTree(result);
        List<String> mismatches = new ArrayList<>();
        for (Iterator<String> fields = reference.expected().fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            compare(field, reference.expected().get(field), actual.get(field), reference.toleranceFor(field), mismatches);
        }
        assertTrue(mismatches.isEmpty(), () -> reference.name() + " (" + reference.source() + "):\n  "
                + String.join("\n  ", mismatches));
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, double tolerance, List<String> mismatches) {
        if (expected.isTextual() && expected.textValue().equals("*")) {
            return; // not checked
        }
        if (actual == null) {
            mismatches.add(path + ": missing from the result");
        } else if (expected.isNull() || actual.isNull()) {
            if (!(expected.isNull() && actual.isNull())) {
                mismatches.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                mismatches.add(path + ": expected " + expected.size() + " values, got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), tolerance, mismatches);
            }
        } else if (expected.isObject()) {
            for (Iterator<String> fields = expected.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                compare(path + "." + field, expected.get(field), actual.get(field), tolerance, mismatches);
            }
        } else if (expected.isNumber()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            double error = Math.abs(a - e) / (e == 0 ? 1 : Math.abs(e));
            if (!(error <= tolerance)) {
                mismatches.add(String.format("%s: expected %s, got %s (relative error %.2e > %.0e)",
                        path, expected, actual, error, tolerance));
            }
        } else {
            fail(path + ": the fixture holds an unexpected " + expected);
        }
    }
}
