package io.statstream.model.result;

/**
 * A one-sample or paired t-test, as R's {@code t.test} reports it.
 *
 * @param estimate the mean, or the mean of the differences
 * @param ciLow    lower confidence bound for the estimate; null when the alternative leaves it unbounded
 * @param ciHigh   upper confidence bound; null when unbounded
 * @param cohensD  (mean - mu) / sd, or mean(d) / sd(d)
 * @param n        the number of values, or of pairs
 */
public record TTestResult(double statistic, double df, double pValue, double estimate, Double ciLow, Double ciHigh,
                          double cohensD, int n) implements AnalysisResult {
    public TTestResult {
        Finite.check("statistic", statistic);
        Finite.check("estimate", estimate);
        Finite.check("p_value", pValue);
        Finite.checkNullable("ci_low", ciLow);
        Finite.checkNullable("ci_high", ciHigh);
        Finite.check("cohens_d", cohensD);
    }
}
