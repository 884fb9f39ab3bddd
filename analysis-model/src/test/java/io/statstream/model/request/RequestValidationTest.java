package io.statstream.model.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static io.statstream.model.request.ViolationCode.TOO_LARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestValidationTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    static List<InvalidRequest> invalidRequests() {
        return InvalidRequest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestsNameTheFieldAndTheReason(InvalidRequest bad) {
        List<Violation> violations = violations(PARSER, bad.json());
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(bad.field()) && v.code() == bad.code()
                        && v.message().contains(bad.reason())),
                () -> "expected " + bad.field() + " " + bad.code() + " \"" + bad.reason() + "\" in " + violations);
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
    void aViolationRepeatsAtMostALittleOfTheClientsOwnText() {
        RequestParser parser = new RequestParser(RequestLimits.DEFAULT);
        String longName = "x".repeat(100_000);
        for (String request : List.of("{\"type\":\"" + longName + "\"}",
                "{\"type\":\"descriptive\",\"data\":[1,2],\"" + longName + "\":1}")) {
            ParsedRequest.Invalid invalid = assertInstanceOf(ParsedRequest.Invalid.class,
                    parser.parse(request.getBytes(StandardCharsets.UTF_8)));
            String tooMuch = "x".repeat(Violation.MAX_QUOTED_CHARS + 1);
            for (Violation violation : invalid.violations()) {
                assertFalse((violation.field() + violation.message()).contains(tooMuch), () -> violation.toString().substring(0, 200));
            }
        }
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
