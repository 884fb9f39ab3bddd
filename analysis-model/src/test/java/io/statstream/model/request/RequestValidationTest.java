package io.statstream.model.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static io.statstream.model.request.ViolationCode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RequestValidationTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // the document as a whole
                arguments("{\"type\":", "$", MALFORMED_JSON, "not valid JSON"),
                arguments("", "$", MALFORMED_JSON, "empty"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,2],\"data\":[3,4]}", "$", MALFORMED_JSON, "Duplicate field 'data'"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,2]} {}", "$", MALFORMED_JSON, "not valid JSON"),
                arguments("[1,2]", "$", WRONG_TYPE, "must be a JSON object, got an array"),
                // the type
                arguments("{\"data\":[1,2]}", "type", REQUIRED, "\"ttest_one_sample\""),
                arguments("{\"type\":3}", "type", WRONG_TYPE, "must be a string, got a number"),
                arguments("{\"type\":\"ttest\"}", "type", UNKNOWN_TYPE, "got \"ttest\""),
                // unknown fields, including those of another type
                arguments("{\"type\":\"descriptive\",\"data\":[1,2],\"weights\":[1,1]}", "weights", UNKNOWN_FIELD, "not a field of descriptive"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,2],\"mu\":0}", "mu", UNKNOWN_FIELD, "not a field of descriptive"),
                // required fields and JSON types
                arguments("{\"type\":\"descriptive\"}", "data", REQUIRED, "is required"),
                arguments("{\"type\":\"descriptive\",\"data\":null}", "data", REQUIRED, "is required"),
                arguments("{\"type\":\"descriptive\",\"data\":\"1,2,3\"}", "data", WRONG_TYPE, "array of numbers, got a string"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,\"2\",3]}", "data[1]", WRONG_TYPE, "must be a number, got a string"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,[2],3]}", "data[1]", WRONG_TYPE, "got an array"),
                arguments("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"mu\":\"0\"}", "mu", WRONG_TYPE, "got a string"),
                arguments("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[1,2],\"equal_var\":\"yes\"}", "equal_var", WRONG_TYPE, "true or false"),
                arguments("{\"type\":\"mann_whitney\",\"a\":[1,2],\"b\":[1,2],\"alternative\":1}", "alternative", WRONG_TYPE, "must be a string"),
                arguments("{\"type\":\"anova_oneway\",\"groups\":[1,2]}", "groups[0]", WRONG_TYPE, "array of numbers, got a number"),
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":{\"a\":1}}", "x", WRONG_TYPE, "array of arrays"),
                // NaN, Infinity and null inside data
                arguments("{\"type\":\"descriptive\",\"data\":[1,NaN,3]}", "data[1]", NOT_FINITE, "finite number, got NaN"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,2,Infinity]}", "data[2]", NOT_FINITE, "Infinity"),
                arguments("{\"type\":\"descriptive\",\"data\":[-Infinity,2,3]}", "data[0]", NOT_FINITE, "Infinity"),
                arguments("{\"type\":\"descriptive\",\"data\":[1,2,1e400]}", "data[2]", NOT_FINITE, "finite"),
                arguments("{\"type\":\"ttest_paired\",\"a\":[1,2,3],\"b\":[1,null,3]}", "b[1]", NULL_VALUE, "got null"),
                arguments("{\"type\":\"anova_oneway\",\"groups\":[[1,2],[3,null]]}", "groups[1][1]", NULL_VALUE, "got null"),
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[1],[NaN],[3]]}", "x[1][0]", NOT_FINITE, "NaN"),
                // too short, naming the minimum
                arguments("{\"type\":\"ttest_one_sample\",\"data\":[1]}", "data", TOO_SHORT, "at least 2 values, got 1"),
                arguments("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[3]}", "b", TOO_SHORT, "at least 2 values, got 1"),
                arguments("{\"type\":\"ttest_paired\",\"a\":[1],\"b\":[3]}", "a", TOO_SHORT, "at least 2 values"),
                arguments("{\"type\":\"descriptive\",\"data\":[]}", "data", TOO_SHORT, "at least 2 values, got 0"),
                arguments("{\"type\":\"correlation\",\"x\":[1,2],\"y\":[1,2]}", "x", TOO_SHORT, "at least 3 values, got 2"),
                arguments("{\"type\":\"mann_whitney\",\"a\":[],\"b\":[1]}", "a", TOO_SHORT, "at least 1 value, got 0"),
                arguments("{\"type\":\"anova_oneway\",\"groups\":[[1,2,3]]}", "groups", TOO_SHORT, "at least 2 rows, got 1"),
                arguments("{\"type\":\"anova_oneway\",\"groups\":[[1,2],[]]}", "groups[1]", TOO_SHORT, "at least 1 value, got 0"),
                arguments("{\"type\":\"anova_oneway\",\"groups\":[[1],[2]]}", "groups", TOO_SHORT, "at least 3 values in all"),
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[1,2],[2,3],[3,5]]}", "y", TOO_SHORT, "at least 4 values for 3 coefficients, got 3"),
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[],[],[]]}", "x[0]", TOO_SHORT, "at least 1 value"),
                arguments("{\"type\":\"chi_square_independence\",\"table\":[[1,2]]}", "table", TOO_SHORT, "at least 2 rows, got 1"),
                arguments("{\"type\":\"chi_square_independence\",\"table\":[[1],[2]]}", "table[0]", TOO_SHORT, "at least 2 values, got 1"),
                // lengths that must agree
                arguments("{\"type\":\"ttest_paired\",\"a\":[1,2,3],\"b\":[1,2]}", "b", LENGTH_MISMATCH, "as long as a (3), got 2"),
                arguments("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,2,3,4]}", "y", LENGTH_MISMATCH, "as long as x (3), got 4"),
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3,4],\"x\":[[1],[2],[3]]}", "x", LENGTH_MISMATCH, "as long as y (4), got 3"),
                // ragged rows
                arguments("{\"type\":\"regression_ols\",\"y\":[1,2,3,4],\"x\":[[1,2],[2,1],[3],[4,1]]}", "x[2]", RAGGED_ROWS, "has 1 values but row 0 has 2"),
                arguments("{\"type\":\"chi_square_independence\",\"table\":[[1,2],[3,4,5]]}", "table[1]", RAGGED_ROWS, "row 0 has 2"),
                // negative counts
                arguments("{\"type\":\"chi_square_independence\",\"table\":[[1,-2],[3,4]]}", "table[0][1]", NEGATIVE_COUNT, "got -2.0"),
                // ranges and choices
                arguments("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"confidence\":0}", "confidence", OUT_OF_RANGE, "strictly between 0 and 1"),
                arguments("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"confidence\":1}", "confidence", OUT_OF_RANGE, "got 1.0"),
                arguments("{\"type\":\"ttest_paired\",\"a\":[1,2],\"b\":[1,3],\"confidence\":95}", "confidence", OUT_OF_RANGE, "got 95.0"),
                arguments("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[1,3],\"confidence\":-0.5}", "confidence", OUT_OF_RANGE, "got -0.5"),
                arguments("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"alternative\":\"both\"}", "alternative", INVALID_CHOICE,
                        "one of \"two-sided\", \"less\", \"greater\", got \"both\""),
                arguments("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,2,3],\"method\":\"kendall\"}", "method", INVALID_CHOICE,
                        "\"pearson\", \"spearman\"")
        );
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("invalidRequests")
    void invalidRequestsNameTheFieldAndTheReason(String json, String field, ViolationCode code, String reason) {
        List<Violation> violations = violations(PARSER, json);
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(field) && v.code() == code && v.message().contains(reason)),
                () -> "expected " + field + " " + code + " \"" + reason + "\" in " + violations);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        List<Violation> violations = violations(PARSER,
                "{\"type\":\"ttest_one_sample\",\"data\":[1,null,NaN],\"alternative\":\"up\",\"confidence\":2,\"extra\":1}");
        assertEquals(List.of("data[1]", "data[2]", "alternative", "confidence", "extra"),
                violations.stream().map(Violation::field).toList());
    }

    @Test
    void aRequestWithTooManyValuesIsTooLarge() {
        RequestParser parser = new RequestParser(new RequestLimits(10));
        String justRight = "{\"type\":\"ttest_independent\",\"a\":[1,2,3,4,5],\"b\":[1,2,3,4,5]}";
        assertInstanceOf(ParsedRequest.Valid.class, parser.parse(justRight.getBytes(StandardCharsets.UTF_8)));

        String tooMany = "{\"type\":\"ttest_independent\",\"a\":[1,2,3,4,5],\"b\":[1,2,3,4,5,6]}";
        ParsedRequest.Invalid invalid = assertInstanceOf(ParsedRequest.Invalid.class,
                parser.parse(tooMany.getBytes(StandardCharsets.UTF_8)));
        assertTrue(invalid.tooLarge());
        assertEquals(new Violation("b", TOO_LARGE,
                "makes the request hold more than 10 values, the most one request may hold"), invalid.violations().get(0));
    }

    @Test
    void theDefaultLimitIsOneMillionValues() {
        assertEquals(1_000_000, RequestLimits.DEFAULT.maxValues());
    }

    @Test
    void violationsAreCappedSoAHugeBadRequestGetsAShortAnswer() {
        String nulls = String.join(",", Collections.nCopies(5_000, "null"));
        List<Violation> violations = violations(PARSER, "{\"type\":\"descriptive\",\"data\":[" + nulls + "]}");
        assertEquals(RequestFields.MAX_VIOLATIONS, violations.size());
    }

    @Test
    void aValidRequestHasNoViolations() {
        ParsedRequest parsed = PARSER.parse("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[3,1,2],\"method\":\"spearman\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(parsed instanceof ParsedRequest.Invalid, parsed::toString);
    }

    static List<Violation> violations(RequestParser parser, String json) {
        ParsedRequest parsed = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Invalid.class, parsed, () -> json + " was accepted").violations();
    }
}
