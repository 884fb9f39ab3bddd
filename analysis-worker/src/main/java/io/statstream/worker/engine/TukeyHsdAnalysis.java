package io.statstream.worker.engine;

import io.statstream.model.request.OneWayAnova;
import io.statstream.model.request.TukeyHsd;
import io.statstream.model.result.AnovaResult;
import io.statstream.model.result.TukeyHsdResult;

import java.util.ArrayList;
import java.util.List;

/**
 * As R's {@code TukeyHSD(aov(y ~ g))} (Tukey-Kramer for unequal sizes): each difference of means
 * over its standard error sqrt(MSE/2 (1/n_a + 1/n_b)), referred to the studentized range with k
 * means and the ANOVA's residual degrees of freedom. The ANOVA refuses groups without variation,
 * and so does this.
 */
final class TukeyHsdAnalysis implements Analysis<TukeyHsd> {
    private static final OneWayAnovaAnalysis ANOVA = new OneWayAnovaAnalysis();

    @Override
    public TukeyHsdResult compute(TukeyHsd request) {
        double[][] groups = request.groups();
        AnovaResult anova = ANOVA.compute(new OneWayAnova(groups));
        int k = groups.length;
        double shift = groups[0][0];
        double[] means = new double[k];
        for (int g = 0; g < k; g++) {
            means[g] = Shifted.mean(groups[g], shift); // differences of shifted means lose nothing to the shift
        }
        StudentizedRange range = new StudentizedRange(k, anova.dfWithin());
        double quantile = range.quantile(request.confidence());
        List<TukeyHsdResult.Comparison> comparisons = new ArrayList<>(k * (k - 1) / 2);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double diff = means[b] - means[a];
                double se = Math.sqrt(anova.msWithin() / 2 * (1.0 / groups[a].length + 1.0 / groups[b].length));
                comparisons.add(new TukeyHsdResult.Comparison(a, b, diff, diff - quantile * se, diff + quantile * se,
                        range.upper(Math.abs(diff) / se)));
            }
        }
        return new TukeyHsdResult(comparisons);
    }
}
