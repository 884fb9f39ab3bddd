package io.statstream.model.result;

/** A one-way ANOVA table; {@code etaSquared} is ss_between / (ss_between + ss_within). */
public record AnovaResult(double fStatistic, int dfBetween, int dfWithin, double pValue, double ssBetween,
                          double ssWithin, double msBetween, double msWithin, double etaSquared)
        implements AnalysisResult {
    public AnovaResult {
        Finite.check("f_statistic", fStatistic);
        Finite.check("sums_of_squares", new double[]{ssBetween, ssWithin, msBetween, msWithin});
        Finite.check("p_value", pValue);
        Finite.check("eta_squared", etaSquared);
    }
}
