package io.statstream.model.result;

import java.util.List;

/** Every pair of groups compared, in R's order: (0, 1), (0, 2), …, (0, k − 1), (1, 2), … */
public record TukeyHsdResult(List<Comparison> comparisons) implements AnalysisResult {
    public TukeyHsdResult {
        comparisons = List.copyOf(comparisons);
    }

    /**
     * One pair: {@code diff} is mean(group_b) − mean(group_a), its family-wise interval, and R's
     * "p adj" (the studentized range's upper tail).
     */
    public record Comparison(int groupA, int groupB, double diff, double ciLow, double ciHigh, double pValue) {
        public Comparison {
            Finite.check("diff", diff);
            Finite.check("ci_low", ciLow);
            Finite.check("ci_high", ciHigh);
            Finite.check("p_value", pValue);
        }
    }
}
