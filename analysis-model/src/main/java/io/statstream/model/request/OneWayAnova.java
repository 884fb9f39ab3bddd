package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Arrays;
import java.util.Objects;

/** One-way analysis of variance: do the means of two or more groups differ? */
public record OneWayAnova(double[][] groups) implements AnalysisRequest {
    public static final int MIN_GROUPS = 2;
    public static final int MIN_GROUP_SIZE = 1;

    public OneWayAnova {
        Objects.requireNonNull(groups, "groups");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.ANOVA_ONEWAY;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        sample.set("groups", values.threeGroups(n, 1));
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] groups = groups(fields);
        return fields.build(() -> new OneWayAnova(groups));
    }

    /**
     * The {@code groups} of an analysis that rests on the one-way ANOVA (this one, Levene's test,
     * Tukey's HSD): two or more, and one more value than groups in all, since the within-group
     * variance needs at least one degree of freedom.
     */
    static double[][] groups(RequestFields fields) {
        double[][] groups = fields.rows("groups", MIN_GROUPS, MIN_GROUP_SIZE);
        if (groups != null) {
            int total = Arrays.stream(groups).mapToInt(g -> g.length).sum();
            fields.atLeast("groups", total, groups.length + 1, "in all (one more than the number of groups)");
        }
        return groups;
    }
}
