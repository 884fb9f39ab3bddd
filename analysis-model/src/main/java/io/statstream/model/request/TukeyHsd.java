package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Tukey's honest significant differences: every pair of groups' means compared, family-wise. */
public record TukeyHsd(double[][] groups, double confidence) implements AnalysisRequest {
    /** Each pair costs an evaluation of the studentized range: bounded so that a request stays cheap. */
    public static final int MAX_GROUPS = 50;

    public TukeyHsd {
        Objects.requireNonNull(groups, "groups");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.TUKEY_HSD;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        sample.set("groups", values.threeGroups(n, 0.5));
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] groups = OneWayAnova.groups(fields); // its mean square within groups is the ANOVA's
        if (groups != null) {
            fields.atMost("groups", groups.length, MAX_GROUPS, "groups (each pair is a comparison)");
        }
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new TukeyHsd(groups, confidence));
    }
}
