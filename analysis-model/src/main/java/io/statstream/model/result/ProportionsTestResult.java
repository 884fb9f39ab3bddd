package io.statstream.model.result;

/**
 * Two proportions compared: the chi-square statistic of their 2 × 2 table, its p-value, both
 * estimates, and the confidence interval of their difference (a − b), bounded at −1 and 1.
 */
public record ProportionsTestResult(double statistic, int df, double pValue, double estimateA, double estimateB,
                                    double ciLow, double ciHigh) implements AnalysisResult {
    public ProportionsTestResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
        Finite.check("ci_low", ciLow);
        Finite.check("ci_high", ciHigh);
    }
}
