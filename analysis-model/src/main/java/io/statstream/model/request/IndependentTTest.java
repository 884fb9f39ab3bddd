package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/**
 * Two-sample t-test of whether the means of {@code a} and {@code b} differ: Welch's unless
 * {@code equalVar} asks for Student's pooled-variance test.
 */
public record IndependentTTest(double[] a, double[] b, boolean equalVar, Alternative alternative, double confidence)
        implements AnalysisRequest {
    /** Welch's test estimates each sample's variance: two values each. */
    public static final int MIN_SIZE = 2;
    /**
     * As R's pooled test: one sample may hold a single value, as long as the two together leave a
     * degree of freedom for the pooled variance.
     */
    public static final int MIN_POOLED_TOTAL = 3;

    public IndependentTTest {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.TTEST_INDEPENDENT;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.twoSamples(n, 10.5);
    }

    public static ParsedRequest read(RequestFields fields) {
        boolean equalVar = fields.flag("equal_var", false);
        double[] a = fields.numbers("a", equalVar ? 1 : MIN_SIZE);
        double[] b = fields.numbers("b", equalVar ? 1 : MIN_SIZE);
        if (equalVar && a != null && b != null) {
            fields.atLeast(a.length <= b.length ? "a" : "b", a.length + b.length, MIN_POOLED_TOTAL,
                    "in a and b together for the pooled test");
        }
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new IndependentTTest(a, b, equalVar, alternative, confidence));
    }
}
