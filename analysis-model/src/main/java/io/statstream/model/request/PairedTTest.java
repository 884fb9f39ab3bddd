package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Paired t-test of whether the mean of the differences {@code a[i] - b[i]} differs from 0. */
public record PairedTTest(double[] a, double[] b, Alternative alternative, double confidence)
        implements AnalysisRequest {
    public static final int MIN_SIZE = 2;

    public PairedTTest {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.TTEST_PAIRED;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.twoSamples(n, 10.5);
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] a = fields.numbers("a", MIN_SIZE);
        double[] b = fields.numbers("b", MIN_SIZE);
        if (a != null && b != null) {
            fields.sameLength("b", b.length, "a", a.length);
        }
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new PairedTTest(a, b, alternative, confidence));
    }
}
