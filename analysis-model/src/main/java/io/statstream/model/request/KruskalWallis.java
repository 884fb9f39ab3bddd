package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** The Kruskal-Wallis rank sum test: do two or more groups come from the same distribution? */
public record KruskalWallis(double[][] groups) implements AnalysisRequest {
    public static final int MIN_GROUPS = 2;
    public static final int MIN_GROUP_SIZE = 1;

    public KruskalWallis {
        Objects.requireNonNull(groups, "groups");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.KRUSKAL_WALLIS;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        sample.set("groups", values.threeGroups(n, 0.5));
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] groups = fields.rows("groups", MIN_GROUPS, MIN_GROUP_SIZE);
        return fields.build(() -> new KruskalWallis(groups));
    }
}
