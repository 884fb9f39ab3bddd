package io.statstream.worker.engine;

import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.result.ResultStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only the computation can see is an answer with status failed and a reason, never an exception. */
class DataDependentFailuresTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Engine ENGINE = new Engine(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"ttest_one_sample\",\"data\":[3,3,3]}                         | essentially constant",
            "{\"type\":\"ttest_one_sample\",\"data\":[1e9,1e9,1e9]}                   | essentially constant",
            "{\"type\":\"ttest_paired\",\"a\":[1,2,3],\"b\":[0,1,2]}                  | essentially constant",
            "{\"type\":\"ttest_independent\",\"a\":[2,2],\"b\":[5,5,5]}               | essentially constant",
            "{\"type\":\"anova_oneway\",\"groups\":[[1,1],[2,2,2]]}                   | within-group variance is zero",
            "{\"type\":\"regression_ols\",\"y\":[1,2,3,5],\"x\":[[1,2],[2,4],[3,6],[4,8]]} | design matrix is singular",
            "{\"type\":\"regression_ols\",\"y\":[1,2,3,5],\"x\":[[7],[7],[7],[7]]}     | constant or a linear combination",
            "{\"type\":\"regression_ols\",\"y\":[2,4,6,8],\"x\":[[1],[2],[3],[4]]}     | fit is exact",
            "{\"type\":\"correlation\",\"x\":[1,1,1],\"y\":[1,2,3]}                   | x is constant",
            "{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[4,4,4],\"method\":\"spearman\"} | y is constant",
            "{\"type\":\"chi_square_independence\",\"table\":[[0,0],[3,4]]}           | row 0 has no counts",
            "{\"type\":\"chi_square_independence\",\"table\":[[0,5],[0,4]]}           | column 0 has no counts",
            "{\"type\":\"mann_whitney\",\"a\":[2,2],\"b\":[2,2,2]}                    | all values are equal",
            "{\"type\":\"wilcoxon_signed_rank\",\"a\":[1,2,3],\"b\":[1,2,3]}         | every difference is zero",
            "{\"type\":\"wilcoxon_signed_rank\",\"a\":[3,4],\"b\":[1,2],\"mu\":2}     | every difference is zero",
            "{\"type\":\"kruskal_wallis\",\"groups\":[[4,4],[4],[4,4,4]]}             | all values are equal",
            "{\"type\":\"levene\",\"groups\":[[1,3],[2,4]]}                            | within-group variance is zero",
            "{\"type\":\"proportions_test\",\"successes\":[0,0],\"trials\":[5,8]}       | every trial failed",
            "{\"type\":\"fisher_exact\",\"table\":[[0,0],[3,4]]}                      | zero marginal",
            "{\"type\":\"logistic_regression\",\"y\":[0,0,1,1],\"x\":[[1],[2],[3],[4]]}   | separation",
            "{\"type\":\"logistic_regression\",\"y\":[0,0,1,1,1],\"x\":[[1],[2],[2],[3],[4]]} | separation",
            "{\"type\":\"logistic_regression\",\"y\":[1,1,1],\"x\":[[1],[2],[3]]}         | separation",
            "{\"type\":\"shapiro_wilk\",\"data\":[2.5,2.5,2.5,2.5]}                     | all values are identical",
            "{\"type\":\"power_ttest\",\"power\":0.06,\"delta\":5}                      | fewer than 2 per group",
            "{\"type\":\"tukey_hsd\",\"groups\":[[1,1],[2,2,2]]}                       | within-group variance is zero",
            "{\"type\":\"logistic_regression\",\"y\":[0,1,0,1,1],\"x\":[[1,2],[2,4],[3,6],[4,8],[5,10]]} | singular design",
            "{\"type\":\"fisher_exact\",\"table\":[[0,5],[0,4]]}                      | zero marginal",
            "{\"type\":\"proportions_test\",\"successes\":[5,8],\"trials\":[5,8]}       | every trial succeeded",
            "{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[5,5,5],\"method\":\"kendall\"} | y is constant",
    })
    void undefinedStatisticsAreFailedResultsWithAReason(String json, String reason) {
        AnalysisRequest request = parse(json);
        ResultEnvelope envelope = ENGINE.run(CanonicalForm.of(request).key(), request);
        assertEquals(ResultStatus.FAILED, envelope.status());
        assertNull(envelope.result());
        assertTrue(envelope.error().contains(reason), envelope.error());
    }

    @Test
    void aDoneEnvelopeCarriesTheKeyTypeVersionAndTime() {
        AnalysisRequest request = parse("{\"type\":\"descriptive\",\"data\":[1,2,3,4]}");
        CanonicalForm form = CanonicalForm.of(request);
        ResultEnvelope envelope = ENGINE.run(form.key(), request);
        assertEquals(ResultStatus.DONE, envelope.status());
        assertEquals(form.key(), envelope.key());
        assertEquals(AnalysisType.DESCRIPTIVE, envelope.type());
        assertEquals("1", envelope.engineVersion());
        assertEquals(NOW, envelope.computedAt());
        assertTrue(envelope.computeMicros() >= 0);
    }

    @Test
    void minusZeroAndZeroShareAKeyAndAResult() {
        AnalysisRequest minus = parse("{\"type\":\"mann_whitney\",\"a\":[-0.0,1,2],\"b\":[0,0,3]}");
        AnalysisRequest plus = parse("{\"type\":\"mann_whitney\",\"a\":[0,1,2],\"b\":[0,-0,3]}");
        assertEquals(CanonicalForm.of(minus), CanonicalForm.of(plus));
        assertArrayEquals(Json.write(Engine.compute(plus)), Json.write(Engine.compute(minus)));
    }

    private static AnalysisRequest parse(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request();
    }
}
