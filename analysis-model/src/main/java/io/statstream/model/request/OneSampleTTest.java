package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Student's t-test of whether the mean of {@code data} differs from {@code mu}. */
public record OneSampleTTest(double[] data, double mu, Alternative alternative, double confidence)
        implements AnalysisRequest {
    public static final int MIN_SIZE = 2;

    public OneSampleTTest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.TTEST_ONE_SAMPLE;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.object().set("data", values.normals(n, 10));
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] data = fields.numbers("data", MIN_SIZE);
        double mu = fields.number("mu", 0);
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new OneSampleTTest(data, mu, alternative, confidence));
    }
}
