package io.statstream.model.result;

/** The Shapiro-Wilk test: W, and Royston's (1995) approximation of its p-value. */
public record ShapiroWilkResult(double statistic, double pValue, int n) implements AnalysisResult {
    public ShapiroWilkResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
    }
}
