package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/**
 * Logistic regression of a 0/1 {@code y} on the predictors in {@code x} (one row per observation),
 * with an intercept unless {@code intercept} is false.
 */
public record LogisticRegression(double[] y, double[][] x, boolean intercept) implements AnalysisRequest {
    public LogisticRegression {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.LOGISTIC_REGRESSION;
    }

    /**
     * A sample of about {@code n} values (without its type), for tests and benchmarks. Five points
     * that appear with both outcomes (the corners of the predictors' square and its centre) keep
     * any sample from being separable, whatever the random rows.
     */
    public static ObjectNode sample(SampleValues values, int n) {
        int predictors = 2;
        ObjectNode sample = values.object();
        ArrayNode y = sample.putArray("y");
        ArrayNode x = sample.putArray("x");
        for (double[] anchor : new double[][]{{3, 3}, {3, -3}, {-3, 3}, {-3, -3}, {0, 0}}) {
            for (int outcome = 0; outcome <= 1; outcome++) {
                x.addArray().add(anchor[0]).add(anchor[1]);
                y.add(outcome);
            }
        }
        for (int i = 0; i < n / (predictors + 1); i++) {
            ArrayNode row = values.normals(predictors, 0);
            x.add(row);
            y.add(row.get(0).doubleValue() + 2 * row.get(1).doubleValue() > 0 == (values.below(4) > 0) ? 1 : 0);
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] y = fields.numbers("y", 2);
        double[][] x = fields.matrix("x", 2, 1);
        boolean intercept = fields.flag("intercept", true);
        fields.zeroOrOne("y", y);
        OlsRegression.checkDesign(fields, y, x, intercept);
        return fields.build(() -> new LogisticRegression(y, x, intercept));
    }
}
