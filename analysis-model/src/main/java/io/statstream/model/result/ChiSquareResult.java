package io.statstream.model.result;

/** Pearson's chi-square test of independence, without Yates' correction, and Cramér's V. */
public record ChiSquareResult(double statistic, int df, double pValue, double cramersV) implements AnalysisResult {
    public ChiSquareResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
        Finite.check("cramers_v", cramersV);
    }
}
