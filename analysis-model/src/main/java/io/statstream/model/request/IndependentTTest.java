package io.statstream.model.request;

import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/**
 * Two-sample t-test of whether the means of {@code a} and {@code b} differ: Welch's unless
 * {@code equalVar} asks for Student's pooled-variance test.
 */
public record IndependentTTest(double[] a, double[] b, boolean equalVar, Alternative alternative, double confidence)
        implements AnalysisRequest {
    public static final int MIN_SIZE = 2;

    public IndependentTTest {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.TTEST_INDEPENDENT;
    }

    static ParsedRequest read(RequestFields fields) {
        double[] a = fields.numbers("a", MIN_SIZE);
        double[] b = fields.numbers("b", MIN_SIZE);
        boolean equalVar = fields.flag("equal_var", false);
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new IndependentTTest(a, b, equalVar, alternative, confidence));
    }
}
