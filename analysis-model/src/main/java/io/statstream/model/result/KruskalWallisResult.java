package io.statstream.model.result;

/** The Kruskal-Wallis test: H corrected for ties, its degrees of freedom (groups − 1), the chi-square p-value. */
public record KruskalWallisResult(double statistic, int df, double pValue, int n) implements AnalysisResult {
    public KruskalWallisResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
    }
}
