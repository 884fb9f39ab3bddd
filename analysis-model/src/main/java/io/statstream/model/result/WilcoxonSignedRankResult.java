package io.statstream.model.result;

/**
 * The Wilcoxon signed-rank test: R's V (the sum of the ranks of the positive differences), the
 * normal approximation's p-value, the pairs and those whose difference is not zero.
 */
public record WilcoxonSignedRankResult(double statistic, double pValue, int n, int nNonzero) implements AnalysisResult {
    public WilcoxonSignedRankResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
    }
}
