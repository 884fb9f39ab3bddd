package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.request.OlsRegression;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.RegressionResult;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Least squares by Householder QR, never by the normal equations. With an intercept the problem
 * is solved on centered data (same slopes, same residuals) so that a predictor or response offset
 * by 1e9 does not cancel against the column of ones; the intercept is recovered from the means.
 * Sums of squares follow R's {@code summary.lm}: the model sum of squares comes from the fitted
 * values, not from a difference of totals.
 */
final class OlsRegressionAnalysis implements Analysis<OlsRegression> {
    /**
     * A predictor is collinear when the part of it that the earlier columns do not explain is below
     * this share of its norm. R's {@code lm} uses 1e-7 and then drops the column; with nothing to
     * drop, we only refuse what is collinear to within rounding.
     */
    private static final double COLLINEARITY_TOLERANCE = 1e-10;

    @Override
    public RegressionResult compute(OlsRegression request) {
        double[] y = request.y();
        double[][] x = request.x();
        int n = y.length;
        int k = x[0].length;
        boolean intercept = request.intercept();

        double[] xMeans = new double[k];
        double yMean = intercept ? StatUtils.mean(y) : 0;
        double[][] design = new double[n][k];
        for (int j = 0; j < k; j++) {
            xMeans[j] = intercept ? StatUtils.mean(column(x, j)) : 0;
            for (int i = 0; i < n; i++) {
                design[i][j] = x[i][j] - xMeans[j];
            }
        }
        RealMatrix designMatrix = new Array2DRowRealMatrix(design, false);
        QRDecomposition qr = new QRDecomposition(designMatrix);
        RealMatrix r = qr.getR().getSubMatrix(0, k - 1, 0, k - 1);
        requireFullRank(designMatrix, r, intercept);

        RealVector response = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            response.setEntry(i, y[i] - yMean);
        }
        DecompositionSolver solver = qr.getSolver();
        RealVector solution = solver.solve(response);
        // One step of iterative refinement: solve again for what the first solution left unexplained.
        solution = solution.add(solver.solve(response.subtract(designMatrix.operate(solution))));
        double[] slopes = solution.toArray();

        double rss = 0;
        double mss = 0;
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int j = 0; j < k; j++) {
                fitted += design[i][j] * slopes[j];
            }
            double residual = response.getEntry(i) - fitted;
            rss += residual * residual;
            mss += fitted * fitted; // fitted values of the centered problem: deviations from their mean
        }
        if (rss == 0) {
            throw new AnalysisFailure("the fit is exact (every residual is zero): standard errors and tests are undefined");
        }

        int coefficientCount = request.coefficientCount();
        int df = n - coefficientCount;
        double residualVariance = rss / df;
        RealMatrix rInverse = upperTriangularInverse(r);
        // (X'X)^-1 = R^-1 R^-T, so its diagonal holds the squared row norms of R^-1.
        double[] coefficients = new double[coefficientCount];
        double[] stdErrors = new double[coefficientCount];
        int offset = intercept ? 1 : 0;
        for (int j = 0; j < k; j++) {
            coefficients[offset + j] = slopes[j];
            stdErrors[offset + j] = Math.sqrt(residualVariance * square(rInverse.getRowVector(j).getNorm()));
        }
        if (intercept) {
            double interceptEstimate = yMean;
            for (int j = 0; j < k; j++) {
                interceptEstimate -= xMeans[j] * slopes[j];
            }
            // Var(b0) = s^2 (1/n + xbar' (Xc'Xc)^-1 xbar) = s^2 (1/n + |R^-T xbar|^2)
            double leverage = rInverse.transpose().operate(new ArrayRealVector(xMeans)).getNorm();
            coefficients[0] = interceptEstimate;
            stdErrors[0] = Math.sqrt(residualVariance * (1.0 / n + leverage * leverage));
        }
        double[] tValues = new double[coefficientCount];
        double[] pValues = new double[coefficientCount];
        for (int j = 0; j < coefficientCount; j++) {
            tValues[j] = coefficients[j] / stdErrors[j];
            pValues[j] = Tails.studentP(tValues[j], df, Alternative.TWO_SIDED);
        }

        double rSquared = mss / (mss + rss);
        double adjRSquared = 1 - (1 - rSquared) * ((double) (n - offset) / df);
        double fStatistic = (mss / k) / residualVariance;
        return new RegressionResult(coefficients, stdErrors, tValues, pValues, rSquared, adjRSquared, fStatistic,
                Tails.fisherUpper(fStatistic, k, df), Math.sqrt(residualVariance), df, n);
    }

    private static void requireFullRank(RealMatrix design, RealMatrix r, boolean intercept) {
        for (int j = 0; j < r.getColumnDimension(); j++) {
            double norm = design.getColumnVector(j).getNorm();
            if (Math.abs(r.getEntry(j, j)) <= COLLINEARITY_TOLERANCE * norm || norm == 0) {
                throw new AnalysisFailure("predictor " + j + " (column " + j + " of x) is "
                        + (intercept ? "constant or " : "") + "a linear combination of the "
                        + (intercept ? "intercept and the " : "") + "other predictors: the design matrix is singular");
            }
        }
    }

    private static RealMatrix upperTriangularInverse(RealMatrix r) {
        int k = r.getRowDimension();
        RealMatrix inverse = MatrixUtils.createRealMatrix(k, k);
        for (int j = 0; j < k; j++) {
            RealVector unit = new ArrayRealVector(k);
            unit.setEntry(j, 1);
            MatrixUtils.solveUpperTriangularSystem(r, unit); // solves in place: unit becomes column j of R^-1
            inverse.setColumnVector(j, unit);
        }
        return inverse;
    }

    private static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }

    private static double square(double value) {
        return value * value;
    }
}
