package io.statstream.model.result;

/**
 * Fisher's exact test of a 2 × 2 table, as R's {@code fisher.test} reports it.
 *
 * @param oddsRatio the conditional maximum-likelihood estimate; null when it is infinite
 * @param ciLow     lower bound of its interval (0 for {@code less})
 * @param ciHigh    upper bound; null when infinite (always for {@code greater})
 */
public record FisherExactResult(double pValue, Double oddsRatio, Double ciLow, Double ciHigh) implements AnalysisResult {
    public FisherExactResult {
        Finite.check("p_value", pValue);
        Finite.checkNullable("odds_ratio", oddsRatio);
        Finite.checkNullable("ci_low", ciLow);
        Finite.checkNullable("ci_high", ciHigh);
    }
}
