package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.LeveneCenter;

import java.util.Objects;

/** Levene's test (Brown-Forsythe with the median): do two or more groups have the same spread? */
public record Levene(double[][] groups, LeveneCenter center) implements AnalysisRequest {
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
        sample.set("groups", values.threeGroups(n, 1));
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] groups = OneWayAnova.groups(fields); // the distances' ANOVA needs what the ANOVA needs
        LeveneCenter center = fields.choice("center", LeveneCenter.class, LeveneCenter.MEDIAN);
        return fields.build(() -> new Levene(groups, center));
    }
}
