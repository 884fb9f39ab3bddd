package io.statstream.worker.engine;

import io.statstream.model.request.LogisticRegression;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.LogisticRegressionResult;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.util.Arrays;

/**
 * R's {@code glm.fit} for the binomial family with the logit link, step for step: the same start
 * ((y + ½) / 2), iteratively reweighted least squares by Householder QR, the same stopping rule
 * (|dev − dev_old| / (|dev| + 0.1) below {@link #EPSILON}, tighter than glm's 1e-8), and standard
 * errors from the last iteration's weighted QR, as {@code summary.glm} takes them. Separation
 * (a predictor or combination that splits the 0s from the 1s, or every y equal) has no finite
 * estimate: R warns that fitted probabilities are 0 or 1, we answer failed.
 */
final class LogisticRegressionAnalysis implements Analysis<LogisticRegression> {
    private static final double EPSILON = 1e-12;
    private static final int MAX_ITERATIONS = 100;
    /** R's binomial family warns below this fitted probability (10 × machine epsilon), and so do we refuse. */
    private static final double NUMERICALLY_ZERO = 10 * Math.ulp(1.0);
    /** R's logit link clamps the linear predictor here before taking exp. */
    private static final double LINK_THRESHOLD = 30;
    private static final double COLLINEARITY_TOLERANCE = 1e-10;

    @Override
    public LogisticRegressionResult compute(LogisticRegression request) {
        double[] y = request.y();
        int n = y.length;
        RealMatrix x = design(request);
        int p = x.getColumnDimension();
        requireBothOutcomes(y);
        requireFullRank(x, request.intercept());

        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = Math.log(mu[i] / (1 - mu[i]));
        }
        double devOld = deviance(y, mu);
        double dev = devOld;
        RealVector beta = null;
        RealMatrix r = null;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
            RealMatrix weighted = new Array2DRowRealMatrix(n, p);
            RealVector response = new ArrayRealVector(n);
            for (int i = 0; i < n; i++) {
                double variance = mu[i] * (1 - mu[i]);
                double w = Math.sqrt(variance);
                response.setEntry(i, (eta[i] + (y[i] - mu[i]) / variance) * w);
                for (int j = 0; j < p; j++) {
                    weighted.setEntry(i, j, x.getEntry(i, j) * w);
                }
            }
            QRDecomposition qr = new QRDecomposition(weighted);
            beta = qr.getSolver().solve(response);
            r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
            RealVector linear = x.operate(beta);
            for (int i = 0; i < n; i++) {
                eta[i] = linear.getEntry(i);
                mu[i] = inverseLogit(eta[i]);
            }
            dev = deviance(y, mu);
            converged = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON;
            devOld = dev;
        }
        for (double fitted : mu) {
            if (!converged || fitted < NUMERICALLY_ZERO || fitted > 1 - NUMERICALLY_ZERO) {
                throw new AnalysisFailure("separation: the predictors split the 0s from the 1s (fitted probabilities of 0 or 1), "
                        + "so the estimates are infinite");
            }
        }
        RealMatrix rInverse = MatrixUtils.inverse(r);
        double[] coefficients = beta.toArray();
        double[] stdErrors = new double[p];
        double[] zValues = new double[p];
        double[] pValues = new double[p];
        for (int j = 0; j < p; j++) {
            double variance = rInverse.getRowVector(j).dotProduct(rInverse.getRowVector(j)); // (R⁻¹ R⁻ᵀ)_jj
            stdErrors[j] = Math.sqrt(variance);
            zValues[j] = coefficients[j] / stdErrors[j];
            pValues[j] = 2 * Tails.normalUpper(Math.abs(zValues[j]));
        }
        int dfNull = n - (request.intercept() ? 1 : 0);
        return new LogisticRegressionResult(coefficients, stdErrors, zValues, pValues, dev, nullDeviance(y, request.intercept()),
                n - p, dfNull, dev + 2 * p, n);
    }

    private static RealMatrix design(LogisticRegression request) {
        double[][] x = request.x();
        int offset = request.intercept() ? 1 : 0;
        RealMatrix design = new Array2DRowRealMatrix(x.length, x[0].length + offset);
        for (int i = 0; i < x.length; i++) {
            if (offset == 1) {
                design.setEntry(i, 0, 1);
            }
            for (int j = 0; j < x[i].length; j++) {
                design.setEntry(i, j + offset, x[i][j]);
            }
        }
        return design;
    }

    private static void requireBothOutcomes(double[] y) {
        for (double value : y) {
            if (value != y[0]) {
                return;
            }
        }
        throw new AnalysisFailure("separation: every y is " + (int) y[0] + ", so the estimates are infinite");
    }

    private static void requireFullRank(RealMatrix x, boolean intercept) {
        RealMatrix r = new QRDecomposition(x).getR();
        for (int j = 0; j < x.getColumnDimension(); j++) {
            double norm = x.getColumnVector(j).getNorm();
            if (norm == 0 || Math.abs(r.getEntry(j, j)) <= COLLINEARITY_TOLERANCE * norm) {
                int predictor = j - (intercept ? 1 : 0);
                throw new AnalysisFailure("singular design: " + (predictor < 0 ? "the intercept" : "predictor " + predictor)
                        + " is a linear combination of the columns before it");
            }
        }
    }

    private static double inverseLogit(double eta) {
        double e = eta < -LINK_THRESHOLD ? Math.ulp(1.0) : eta > LINK_THRESHOLD ? 1 / Math.ulp(1.0) : Math.exp(eta);
        return e / (1 + e);
    }

    private static double deviance(double[] y, double[] mu) {
        double deviance = 0;
        for (int i = 0; i < y.length; i++) {
            deviance -= 2 * Math.log(y[i] == 1 ? mu[i] : 1 - mu[i]);
        }
        return deviance;
    }

    /** The deviance of the model with the intercept alone (every fitted value the mean of y), or with nothing (½). */
    private static double nullDeviance(double[] y, boolean intercept) {
        double mean = 0.5;
        if (intercept) {
            mean = 0;
            for (double value : y) {
                mean += value;
            }
            mean /= y.length;
        }
        double[] fitted = new double[y.length];
        Arrays.fill(fitted, mean);
        return deviance(y, fitted);
    }
}
