package io.statstream.worker.engine;

import io.statstream.model.AnalysisType;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.AnalysisResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An analysis is registered twice, once in the contract ({@link AnalysisType}) and once in the
 * engine: for every type, its samples read, the engine computes them into the result record the
 * contract names, and a reference fixture made by R, SciPy or NIST checks its numbers.
 */
class EveryTypeIsRegisteredTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void itsSamplesAreComputedIntoTheResultRecordTheContractNames(AnalysisType type) {
        for (int n : new int[]{30, 300}) {
            ParsedRequest parsed = PARSER.parse(type.sample(n, 42));
            ParsedRequest.Valid valid = assertInstanceOf(ParsedRequest.Valid.class, parsed, () -> type + " sample: " + parsed);
            AnalysisResult result = Engine.compute(valid.request());
            assertInstanceOf(type.resultClass(), result, type + " computes into " + result.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void itHasAReferenceFixture(AnalysisType type) {
        assertTrue(Stream.of("/reference/r.ndjson", "/reference/scipy.ndjson", "/reference/nist.ndjson")
                        .flatMap(fixture -> ReferenceCase.load(fixture).stream())
                        .anyMatch(reference -> type.wireName().equals(reference.request().path("type").asText())),
                type + " has no case in the reference fixtures (src/test/reference/README.md says how to make one)");
    }
}
