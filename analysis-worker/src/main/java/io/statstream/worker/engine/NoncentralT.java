package io.statstream.worker.engine;

import io.statstream.model.result.AnalysisFailure;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The noncentral t distribution's CDF by Lenth's algorithm AS 243 (Applied Statistics 38, 1989),
 * the series R's {@code pt(..., ncp)} sums: Φ(−δ) plus Poisson-weighted incomplete beta functions,
 * stopped when the bound on what is left falls below {@link #ERROR_BOUND}. Commons Math has no
 * noncentral t.
 */
final class NoncentralT {
    private static final double ERROR_BOUND = 1e-12;
    private static final int MAX_TERMS = 1000;
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    /** Beyond these the series underflows; R then uses a normal approximation, and so do we. */
    private static final double LARGE_DF = 4e5;
    private static final double LARGE_NCP_SQUARED = 2 * Math.log(2) * 1021;

    private NoncentralT() {
    }

    /** P(T > t) for T noncentral t with {@code df} degrees of freedom and noncentrality {@code ncp}. */
    static double upper(double t, double df, double ncp) {
        if (t < 0) {
            return cdf(-t, df, -ncp); // P(T > t) = P(-T < -t), and -T has noncentrality -ncp
        }
        return 1 - cdf(t, df, ncp);
    }

    /** P(T ≤ t) for t ≥ 0. */
    private static double cdf(double t, double df, double ncp) {
        if (df > LARGE_DF || ncp * ncp > LARGE_NCP_SQUARED) {
            double s = 1 / (4 * df);
            return Tails.normalUpper(-(t * (1 - s) - ncp) / Math.sqrt(1 + t * t * 2 * s));
        }
        double x = t * t / (t * t + df);
        double sum = 0;
        if (x > 0) {
            double lambda = ncp * ncp;
            double p = 0.5 * Math.exp(-0.5 * lambda); // Poisson weight of the even terms
            double q = SQRT_2_OVER_PI * p * ncp;     // and of the odd ones
            double left = 0.5 - p;                    // Poisson mass not yet summed
            if (left < 1e-7) {
                left = -0.5 * Math.expm1(-0.5 * lambda);
            }
            double a = 0.5;
            double b = 0.5 * df;
            double oneMinusXPowB = Math.pow(1 - x, b);
            double logBeta = LOG_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(0.5 + b);
            double betaOdd = Beta.regularizedBeta(x, a, b, 1e-15, Integer.MAX_VALUE);
            double stepOdd = 2 * oneMinusXPowB * Math.exp(a * Math.log(x) - logBeta);
            double bx = b * x;
            double betaEven = bx < Math.ulp(1.0) ? bx : 1 - oneMinusXPowB;
            double stepEven = bx * oneMinusXPowB;
            sum = p * betaOdd + q * betaEven;
            boolean converged = false;
            for (int term = 1; term <= MAX_TERMS && !converged; term++) {
                a += 1;
                betaOdd -= stepOdd;
                betaEven -= stepEven;
                stepOdd *= x * (a + b - 1) / a;
                stepEven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * term);
                q *= lambda / (2 * term + 1);
                sum += p * betaOdd + q * betaEven;
                left -= p;
                converged = left < -1e-10 || left <= 0 && term > 1
                        || Math.abs(2 * left * (betaOdd - stepOdd)) < ERROR_BOUND;
            }
            if (!converged) {
                throw new AnalysisFailure("the noncentral t distribution did not converge for these values");
            }
        }
        return Math.min(1, sum + Tails.normalUpper(ncp));
    }
}
