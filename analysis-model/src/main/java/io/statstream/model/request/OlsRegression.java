package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/**
 * Ordinary least squares regression of {@code y} on the predictors in {@code x}: one row per
 * observation, one column per predictor, with an intercept unless {@code intercept} is false.
 */
public record OlsRegression(double[] y, double[][] x, boolean intercept) implements AnalysisRequest {
    public OlsRegression {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(x, "x");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.REGRESSION_OLS;
    }

    /** The number of coefficients estimated: one per predictor, plus the intercept. */
    public int coefficientCount() {
        return coefficientCount(x, intercept);
    }

    private static int coefficientCount(double[][] x, boolean intercept) {
        return x[0].length + (intercept ? 1 : 0);
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        int predictors = 3;
        int rows = n / (predictors + 1);
        ObjectNode sample = values.object();
        sample.set("y", values.normals(rows, 5));
        ArrayNode x = sample.putArray("x");
        for (int i = 0; i < rows; i++) {
            x.add(values.normals(predictors, 0));
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] y = fields.numbers("y", 2);
        double[][] x = fields.matrix("x", 2, 1);
        boolean intercept = fields.flag("intercept", true);
        checkDesign(fields, y, x, intercept);
        return fields.build(() -> new OlsRegression(y, x, intercept));
    }

    /**
     * A regression's design (this one's, the logistic one's): a row of x per y, and at least one
     * residual degree of freedom, or there is no error variance to estimate.
     */
    static void checkDesign(RequestFields fields, double[] y, double[][] x, boolean intercept) {
        if (y != null && x != null) {
            fields.sameLength("x", x.length, "y", y.length);
            int coefficients = coefficientCount(x, intercept);
            fields.atLeast("y", y.length, coefficients + 1, "for " + coefficients + " coefficients");
        }
    }
}
