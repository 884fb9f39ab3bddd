package io.statstream.worker.engine;

import io.statstream.model.request.FisherExact;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.FisherExactResult;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * As R's {@code fisher.test} on a 2 × 2 table, on the same definitions: the conditional
 * distribution of the top-left count given the margins (Fisher's noncentral hypergeometric, with
 * the odds ratio as its parameter); the two-sided p-value sums the tables no more likely than the
 * observed one (within R's relative 1e-7); the estimate is the conditional maximum likelihood
 * (the parameter whose mean is the observed count) and the interval inverts the one-sided tests.
 * R solves these to {@code uniroot}'s default tolerance (about 1e-4); here they are solved to
 * 1e-15 relative. Long because the test, the estimate and both ends of the interval each solve
 * on the same distribution, which is written once here.
 */
final class FisherExactAnalysis implements Analysis<FisherExact> {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;
    private static final int MAX_EVALUATIONS = 10_000;

    @Override
    public FisherExactResult compute(FisherExact request) {
        double[][] table = request.table();
        int x = (int) table[0][0];
        int m = (int) (table[0][0] + table[1][0]); // first column
        int n = (int) (table[0][1] + table[1][1]); // second column
        int k = (int) (table[0][0] + table[0][1]); // first row
        if (m == 0 || n == 0 || k == 0 || k == m + n) {
            throw new AnalysisFailure("a row or a column of the table has no counts (zero marginal): the odds ratio is undefined");
        }
        Conditional conditional = new Conditional(x, m, n, k);
        double confidence = request.confidence();
        return switch (request.alternative()) {
            case LESS -> new FisherExactResult(conditional.lower(x, 0), finite(conditional.estimate()), 0.0,
                    finite(conditional.upperBound(1 - confidence)));
            case GREATER -> new FisherExactResult(conditional.upper(x, 0), finite(conditional.estimate()),
                    conditional.lowerBound(1 - confidence), null);
            case TWO_SIDED -> {
                double alpha = (1 - confidence) / 2;
                yield new FisherExactResult(conditional.twoSided(), finite(conditional.estimate()),
                        conditional.lowerBound(alpha), finite(conditional.upperBound(alpha)));
            }
        };
    }

    private static Double finite(double value) {
        return Double.isInfinite(value) ? null : value;
    }

    /**
     * The top-left count's distribution given the margins, for any odds ratio, which every method
     * takes as its logarithm: the solver then works on a scale where extreme ratios neither
     * overflow nor lose their relative precision.
     */
    private static final class Conditional {
        private final int x;
        private final int lo;
        private final int hi;
        private final double[] logDensity; // at odds ratio 1, over lo..hi

        Conditional(int x, int m, int n, int k) {
            this.x = x;
            this.lo = Math.max(0, k - n);
            this.hi = Math.min(k, m);
            HypergeometricDistribution central = new HypergeometricDistribution(null, m + n, m, k);
            logDensity = new double[hi - lo + 1];
            for (int i = lo; i <= hi; i++) {
                logDensity[i - lo] = central.logProbability(i);
            }
        }

        /** The probabilities of lo..hi at the odds ratio whose logarithm is {@code logNcp}. */
        double[] density(double logNcp) {
            double[] d = new double[logDensity.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                d[i] = logDensity[i] + logNcp * (lo + i);
                max = Math.max(max, d[i]);
            }
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                sum += d[i];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= sum;
            }
            return d;
        }

        double mean(double logNcp) {
            double[] d = density(logNcp);
            double mean = 0;
            for (int i = 0; i < d.length; i++) {
                mean += (lo + i) * d[i];
            }
            return mean;
        }

        /** P(X ≤ q) at the odds ratio exp({@code logNcp}). */
        double lower(int q, double logNcp) {
            double[] d = density(logNcp);
            double p = 0;
            for (int i = 0; i <= q - lo && i < d.length; i++) {
                p += d[i];
            }
            return Math.min(1, p);
        }

        /** P(X ≥ q) at the odds ratio exp({@code logNcp}). */
        double upper(int q, double logNcp) {
            double[] d = density(logNcp);
            double p = 0;
            for (int i = Math.max(0, q - lo); i < d.length; i++) {
                p += d[i];
            }
            return Math.min(1, p);
        }

        double twoSided() {
            double[] d = density(0);
            double observed = d[x - lo] * RELATIVE_TOLERANCE;
            double p = 0;
            for (double probability : d) {
                if (probability <= observed) {
                    p += probability;
                }
            }
            return Math.min(1, p);
        }

        /** The conditional maximum-likelihood odds ratio: where the mean count is the observed one. */
        double estimate() {
            if (x == lo) {
                return 0;
            }
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            return solve(this::mean, x);
        }

        /** The odds ratio below which the observed count or less has probability {@code alpha}. */
        double upperBound(double alpha) {
            if (x == hi) {
                return Double.POSITIVE_INFINITY;
            }
            return solve(logNcp -> lower(x, logNcp), alpha);
        }

        /** The odds ratio above which the observed count or more has probability {@code alpha}. */
        double lowerBound(double alpha) {
            if (x == lo) {
                return 0;
            }
            return solve(logNcp -> upper(x, logNcp), alpha);
        }

        /**
         * The odds ratio where {@code f} of its logarithm (monotone) equals {@code target}: an
         * absolute tolerance on the logarithm is a relative one on the odds ratio.
         */
        private static double solve(UnivariateFunction f, double target) {
            UnivariateFunction g = logNcp -> f.value(logNcp) - target;
            double low = -1;
            double high = 1;
            while (Math.signum(g.value(low)) == Math.signum(g.value(high))) {
                low *= 2;
                high *= 2;
                if (high > 1400) {
                    throw new AnalysisFailure("the odds ratio could not be bracketed: the table is too extreme");
                }
            }
            return Math.exp(new BrentSolver(1e-15, 1e-15).solve(MAX_EVALUATIONS, g, low, high));
        }
    }
}
