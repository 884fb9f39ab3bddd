package io.statstream.model.result;

/** The Mann-Whitney test: U of sample a, and the tie- and continuity-corrected normal p-value. */
public record MannWhitneyResult(double uStatistic, double pValue) implements AnalysisResult {
    public MannWhitneyResult {
        Finite.check("u_statistic", uStatistic);
        Finite.check("p_value", pValue);
    }
}
