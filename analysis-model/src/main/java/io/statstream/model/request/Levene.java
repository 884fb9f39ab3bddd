package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.LeveneCenter;

import java.util.Arrays;
import java.util.Objects;

/** Levene's test (Brown-Forsythe with the median): do two or more groups have the same spread? */
public record Levene(double[][] groups, LeveneCenter center) implements AnalysisRequest {
    public static final int MIN_GROUPS = 2;
    public static final int MIN_GROUP_SIZE = 1;

    public Levene {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(center, "center");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.LEVENE;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        ArrayNode groups = sample.putArray("groups");
        for (int g = 0; g < 3; g++) {
            groups.add(values.normals(n / 3, g));
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] groups = fields.rows("groups", MIN_GROUPS, MIN_GROUP_SIZE);
        if (groups != null) {
            // The ANOVA of the distances needs one degree of freedom within groups, as the ANOVA does.
            int total = Arrays.stream(groups).mapToInt(g -> g.length).sum();
            fields.atLeast("groups", total, groups.length + 1, "in all (one more than the number of groups)");
        }
        LeveneCenter center = fields.choice("center", LeveneCenter.class, LeveneCenter.MEDIAN);
        return fields.build(() -> new Levene(groups, center));
    }
}
