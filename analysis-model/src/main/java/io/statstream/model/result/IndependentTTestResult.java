package io.statstream.model.result;

/**
 * A two-sample t-test (Welch or Student), as R's {@code t.test} reports it.
 *
 * @param estimate mean(a) - mean(b)
 * @param ciLow    lower confidence bound for the difference; null when unbounded
 * @param ciHigh   upper confidence bound; null when unbounded
 * @param cohensD  the difference over the pooled standard deviation (for Welch's test too)
 */
public record IndependentTTestResult(double statistic, double df, double pValue, double estimate, Double ciLow,
                                     Double ciHigh, double cohensD, int nA, int nB) implements AnalysisResult {
    public IndependentTTestResult {
        Finite.check("statistic", statistic);
        Finite.check("estimate", estimate);
        Finite.check("df", df);
        Finite.check("p_value", pValue);
        Finite.checkNullable("ci_low", ciLow);
        Finite.checkNullable("ci_high", ciHigh);
        Finite.check("cohens_d", cohensD);
    }
}
