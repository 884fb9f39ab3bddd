package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** The Mann-Whitney U test of whether values of {@code a} tend to differ from values of {@code b}. */
public record MannWhitney(double[] a, double[] b, Alternative alternative) implements AnalysisRequest {
    public static final int MIN_SIZE = 1;

    public MannWhitney {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.MANN_WHITNEY;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.twoSamples(n, 10.5);
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] a = fields.numbers("a", MIN_SIZE);
        double[] b = fields.numbers("b", MIN_SIZE);
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        return fields.build(() -> new MannWhitney(a, b, alternative));
    }
}
