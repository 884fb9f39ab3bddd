package io.statstream.worker.engine;

import io.statstream.model.request.ShapiroWilk;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.ShapiroWilkResult;

import java.util.Arrays;

/**
 * Royston's algorithm AS R94 (Applied Statistics 44, 1995), which R's {@code shapiro.test} runs:
 * W is the squared correlation of the sorted data with approximate normal-order-score weights,
 * and its p-value comes from Royston's normalizing transformation of 1 − W (exact for n = 3).
 * The polynomial coefficients are the paper's.
 */
final class ShapiroWilkAnalysis implements Analysis<ShapiroWilk> {
    /** R refuses data whose range is below this ("all 'x' values are identical"). */
    private static final double IDENTICAL = 1e-10;

    // Royston (1995): the last two weights' corrections in 1/sqrt(n), and the p-value's mean and
    // log standard deviation of the transformed statistic, in n (n ≤ 11) or log n (n ≥ 12).
    private static final double[] FIRST_WEIGHT = {0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] SECOND_WEIGHT = {0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] SMALL_GAMMA = {-2.273, 0.459};
    private static final double[] SMALL_MEAN = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] SMALL_LOG_SD = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] LARGE_MEAN = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] LARGE_LOG_SD = {-0.4803, -0.082676, 0.0030302};
    /** W's p-value where the small-sample transformation is undefined: R's stand-in for "as small as it gets". */
    private static final double SMALLEST_P = 1e-99;

    @Override
    public ShapiroWilkResult compute(ShapiroWilk request) {
        double[] x = request.data().clone();
        Arrays.sort(x);
        int n = x.length;
        double range = x[n - 1] - x[0];
        if (range < IDENTICAL) {
            throw new AnalysisFailure("all values are identical: W is undefined");
        }
        double oneMinusW = oneMinusW(x, range, weights(n));
        double w = 1 - oneMinusW;
        return new ShapiroWilkResult(w, pValue(n, w, oneMinusW), n);
    }

    /** The weights of the lower half's order statistics, largest first (the upper half's are their negatives). */
    private static double[] weights(int n) {
        int half = n / 2;
        double[] a = new double[half];
        if (n == 3) {
            a[0] = Math.sqrt(0.5);
            return a;
        }
        double[] m = new double[half];
        double sumOfSquares = 0;
        for (int i = 0; i < half; i++) {
            m[i] = Tails.normalQuantile((i + 1 - 0.375) / (n + 0.25));
            sumOfSquares += m[i] * m[i];
        }
        sumOfSquares *= 2;
        double norm = Math.sqrt(sumOfSquares);
        double u = 1 / Math.sqrt(n);
        double first = polynomial(FIRST_WEIGHT, u) - m[0] / norm;
        int corrected;
        double scale;
        if (n > 5) {
            double second = -m[1] / norm + polynomial(SECOND_WEIGHT, u);
            scale = Math.sqrt((sumOfSquares - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * first * first - 2 * second * second));
            a[1] = second;
            corrected = 2;
        } else {
            scale = Math.sqrt((sumOfSquares - 2 * m[0] * m[0]) / (1 - 2 * first * first));
            corrected = 1;
        }
        a[0] = first;
        for (int i = corrected; i < half; i++) {
            a[i] = -m[i] / scale;
        }
        return a;
    }

    /**
     * 1 − W as the paper computes it, from the correlation's parts (a difference of squares), so
     * that W near 1 in large samples keeps its digits.
     */
    private static double oneMinusW(double[] x, double range, double[] a) {
        int n = x.length;
        double[] coefficient = new double[n];
        for (int i = 0; i < n; i++) {
            int mirror = n - 1 - i;
            coefficient[i] = i < mirror ? -a[i] : i > mirror ? a[mirror] : 0;
        }
        double meanCoefficient = 0;
        double meanX = 0;
        for (int i = 0; i < n; i++) {
            meanCoefficient += coefficient[i];
            meanX += x[i] / range;
        }
        meanCoefficient /= n;
        meanX /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0; i < n; i++) {
            double ca = coefficient[i] - meanCoefficient;
            double cx = x[i] / range - meanX;
            ssa += ca * ca;
            ssx += cx * cx;
            sax += ca * cx;
        }
        double root = Math.sqrt(ssa * ssx);
        return (root - sax) * (root + sax) / (ssa * ssx);
    }

    private static double pValue(int n, double w, double oneMinusW) {
        if (n == 3) {
            // Exact: (6 / pi) (asin(sqrt(W)) - asin(sqrt(3/4))).
            return Math.max(0, 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.asin(Math.sqrt(0.75))));
        }
        double y = Math.log(oneMinusW);
        double mean;
        double sd;
        if (n <= 11) {
            double gamma = polynomial(SMALL_GAMMA, n);
            if (y >= gamma) {
                return SMALLEST_P;
            }
            y = -Math.log(gamma - y);
            mean = polynomial(SMALL_MEAN, n);
            sd = Math.exp(polynomial(SMALL_LOG_SD, n));
        } else {
            double logN = Math.log(n);
            mean = polynomial(LARGE_MEAN, logN);
            sd = Math.exp(polynomial(LARGE_LOG_SD, logN));
        }
        return Tails.normalUpper((y - mean) / sd);
    }

    /** c[0] + c[1] t + c[2] t² + …, by Horner's rule. */
    private static double polynomial(double[] c, double t) {
        double value = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            value = value * t + c[i];
        }
        return value;
    }
}
