package io.statstream.worker.engine;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of Student's t, remembered. Commons Math finds them with a root solver (to
 * {@link #ACCURACY}), which took 87 % of a t-test's time in a profile of a bulk; the intervals of a
 * bulk ask the same few (degrees of freedom, probability) pairs again and again (n − 1 for
 * one-sample, paired and pooled tests at 95 %). A quantile is a pure function of its pair, so a
 * remembered one is the same number; Welch's fractional degrees of freedom rarely repeat, and the
 * cache's admission policy keeps them from pushing out the common ones.
 */
final class StudentQuantiles {
    /** The solver stops at this absolute error; the default 1e-9 would show in the intervals. */
    private static final double ACCURACY = 1e-14;
    private static final int REMEMBERED = 10_000;
    private static final Cache<Pair, Double> QUANTILES = Memo.bounded(REMEMBERED);

    private record Pair(double df, double probability) {
    }

    private StudentQuantiles() {
    }

    static double of(double df, double probability) {
        return QUANTILES.get(new Pair(df, probability), pair ->
                // No random generator: the distribution is only used for its quantile.
                new TDistribution(null, pair.df(), ACCURACY).inverseCumulativeProbability(pair.probability()));
    }
}
