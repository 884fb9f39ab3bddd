package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.result.AnalysisFailure;

/**
 * What the three t-tests share once each has its estimate, standard error and degrees of freedom:
 * the statistic, its p-value and the confidence interval, computed the way R's {@code t.test} does.
 *
 * @param ciLow  null when the alternative leaves the interval unbounded below
 * @param ciHigh null when it is unbounded above
 */
record TTestCore(double statistic, double pValue, Double ciLow, Double ciHigh) {
    private static final double MACHINE_EPSILON = Math.ulp(1.0);

    /**
     * @param nullValue  the value the estimate is tested against (mu, or 0 for a difference)
     * @param difference the estimate less the null value, computed by the caller without cancellation
     */
    static TTestCore of(double nullValue, double difference, double standardError, double df,
                        Alternative alternative, double confidence) {
        double t = difference / standardError;
        double p = Tails.studentP(t, df, alternative);
        return switch (alternative) {
            case TWO_SIDED -> {
                double q = StudentQuantiles.of(df, 1 - (1 - confidence) / 2);
                yield new TTestCore(t, p, nullValue + (t - q) * standardError, nullValue + (t + q) * standardError);
            }
            case LESS -> new TTestCore(t, p, null, nullValue + (t + StudentQuantiles.of(df, confidence)) * standardError);
            case GREATER -> new TTestCore(t, p, nullValue + (t - StudentQuantiles.of(df, confidence)) * standardError, null);
        };
    }

    /**
     * R refuses a t-test whose standard error is lost in the rounding of the means ("data are
     * essentially constant"); so do we, for the same data.
     */
    static void requireSpread(double standardError, double largestMagnitude) {
        if (!(standardError > 0 && standardError >= 10 * MACHINE_EPSILON * largestMagnitude)) {
            throw new AnalysisFailure(
                    "data are essentially constant: the standard error is zero, so t is undefined");
        }
    }
}
