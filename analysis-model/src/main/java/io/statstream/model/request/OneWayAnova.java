package io.statstream.model.request;

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

    static ParsedRequest read(RequestFields fields) {
        double[][] groups = fields.rows("groups", MIN_GROUPS, MIN_GROUP_SIZE);
        if (groups != null) {
            // The within-group variance needs at least one degree of freedom.
            int total = Arrays.stream(groups).mapToInt(g -> g.length).sum();
            fields.atLeast("groups", total, groups.length + 1, "in all (one more than the number of groups)");
        }
        return fields.build(() -> new OneWayAnova(groups));
    }
}
