package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.PAdjustMethod;

import java.util.Objects;

/** P-values adjusted for multiple comparisons. */
public record PAdjust(double[] pValues, PAdjustMethod method) implements AnalysisRequest {
    public static final int MIN_SIZE = 1;
    /** Hommel's method takes time growing with the square of the count (as R's): bounded so that a request stays cheap. */
    public static final int MAX_HOMMEL = 10_000;

    public PAdjust {
        Objects.requireNonNull(pValues, "pValues");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.P_ADJUST;
    }

    /** A sample of {@code n} p-values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        ArrayNode p = sample.putArray("p_values");
        for (int i = 0; i < n; i++) {
            p.add(values.below(1_000_001) / 1e6);
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] pValues = fields.numbers("p_values", MIN_SIZE);
        fields.between("p_values", pValues, 0, 1);
        PAdjustMethod method = fields.choice("method", PAdjustMethod.class, PAdjustMethod.HOLM);
        if (method == PAdjustMethod.HOMMEL && pValues != null && pValues.length > MAX_HOMMEL) {
            fields.atMost("p_values", pValues.length, MAX_HOMMEL, "for the hommel method");
        }
        return fields.build(() -> new PAdjust(pValues, method));
    }
}
