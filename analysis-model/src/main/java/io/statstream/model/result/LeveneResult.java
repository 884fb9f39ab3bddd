package io.statstream.model.result;

/** Levene's test: the one-way ANOVA F of the distances from each group's center, its degrees of freedom, its p-value. */
public record LeveneResult(double statistic, int dfBetween, int dfWithin, double pValue) implements AnalysisResult {
    public LeveneResult {
        Finite.check("statistic", statistic);
        Finite.check("p_value", pValue);
    }
}
