package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** The Wilcoxon signed-rank test of paired samples: is the median of a − b equal to {@code mu}? */
public record WilcoxonSignedRank(double[] a, double[] b, double mu, Alternative alternative) implements AnalysisRequest {
    public static final int MIN_SIZE = 1;

    public WilcoxonSignedRank {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.WILCOXON_SIGNED_RANK;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.twoSamples(n, 10.3);
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] a = fields.numbers("a", MIN_SIZE);
        double[] b = fields.numbers("b", MIN_SIZE);
        if (a != null && b != null) {
            fields.sameLength("b", b.length, "a", a.length);
        }
        double mu = fields.number("mu", 0);
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        return fields.build(() -> new WilcoxonSignedRank(a, b, mu, alternative));
    }
}
