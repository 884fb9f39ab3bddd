package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.CorrelationMethod;
import io.statstream.model.request.Correlation;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.CorrelationResult;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;


/**
 * Pearson's r (of the ranks, for Spearman) from centered cross-products, tested with n - 2 df;
 * Kendall's tau-b as R's {@code cor.test(method = "kendall", exact = FALSE, continuity = FALSE)}.
 */
final class CorrelationAnalysis implements Analysis<Correlation> {
    private static final KendallsCorrelation KENDALL = new KendallsCorrelation();

    @Override
    public CorrelationResult compute(Correlation request) {
        if (request.method() == CorrelationMethod.KENDALL) {
            return kendall(request.x(), request.y());
        }
        boolean ranks = request.method() == CorrelationMethod.SPEARMAN;
        double[] x = ranks ? AverageRanks.of(request.x()) : request.x();
        double[] y = ranks ? AverageRanks.of(request.y()) : request.y();
        int n = x.length;
        double r = pearson(x, y);
        double df = n - 2;
        double p;
        if (Math.abs(r) == 1) {
            p = 0;
        } else {
            double t = r * Math.sqrt(df / ((1 - r) * (1 + r)));
            p = Tails.studentP(t, df, Alternative.TWO_SIDED);
        }
        return new CorrelationResult(r, p, n);
    }

    /**
     * R's normal approximation: S recovered from tau-b and the pairs tied in x and in y, its
     * variance corrected for ties (Kendall, 1970), two-sided.
     */
    private static CorrelationResult kendall(double[] x, double[] y) {
        requireSpread("x", x);
        requireSpread("y", y);
        double n = x.length;
        double tau = KENDALL.correlation(x, y);
        Ties xTies = Ties.of(x);
        Ties yTies = Ties.of(y);
        double pairs = n * (n - 1) / 2;
        double s = tau * Math.sqrt((pairs - xTies.pairs()) * (pairs - yTies.pairs()));
        double variance = (n * (n - 1) * (2 * n + 5) - xTies.v() - yTies.v()) / 18
                + xTies.twice() * yTies.twice() / (2 * n * (n - 1))
                + xTies.thrice() * yTies.thrice() / (9 * n * (n - 1) * (n - 2));
        double z = s / Math.sqrt(variance);
        return new CorrelationResult(tau, Math.min(1, 2 * Tails.normalUpper(Math.abs(z))), x.length);
    }

    /** Sums over the groups of t tied values: t(t−1)/2, t(t−1)(2t+5), t(t−1) and t(t−1)(t−2). */
    private record Ties(double pairs, double v, double twice, double thrice) {
        static Ties of(double[] values) {
            double pairs = 0;
            double v = 0;
            double twice = 0;
            double thrice = 0;
            for (int size : AverageRanks.tieSizes(values)) {
                double t = size;
                pairs += t * (t - 1) / 2;
                v += t * (t - 1) * (2 * t + 5);
                twice += t * (t - 1);
                thrice += t * (t - 1) * (t - 2);
            }
            return new Ties(pairs, v, twice, thrice);
        }
    }

    private static void requireSpread(String name, double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return;
            }
        }
        throw new AnalysisFailure(name + " is constant: the correlation is undefined");
    }

    private static double pearson(double[] x, double[] y) {
        double meanX = StatUtils.mean(x);
        double meanY = StatUtils.mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            throw new AnalysisFailure((sxx == 0 ? "x" : "y") + " is constant: the correlation is undefined");
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r)); // rounding can step just outside [-1, 1]
    }
}
