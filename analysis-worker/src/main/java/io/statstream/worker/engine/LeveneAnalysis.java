package io.statstream.worker.engine;

import io.statstream.model.LeveneCenter;
import io.statstream.model.request.Levene;
import io.statstream.model.request.OneWayAnova;
import io.statstream.model.result.AnovaResult;
import io.statstream.model.result.LeveneResult;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * As {@code car::leveneTest} (R): the one-way ANOVA of each value's distance from its group's
 * median (or mean), computed by the ANOVA itself, whose refusal of zero variance it shares.
 */
final class LeveneAnalysis implements Analysis<Levene> {
    private static final OneWayAnovaAnalysis ANOVA = new OneWayAnovaAnalysis();

    @Override
    public LeveneResult compute(Levene request) {
        double[][] groups = request.groups();
        double[][] distances = new double[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            // Distances are taken in the group's shifted values (see Shifted): a mean or a median of
            // values like 1e9 + 0.12 would be rounded to 1e-7, and every distance with it.
            double[] shifted = Shifted.copy(groups[g], groups[g][0]);
            // Commons Math's median averages the two middle values of an even group, as R's median().
            double center = request.center() == LeveneCenter.MEDIAN ? new Median().evaluate(shifted) : Shifted.mean(shifted, 0);
            distances[g] = new double[shifted.length];
            for (int i = 0; i < shifted.length; i++) {
                distances[g][i] = Math.abs(shifted[i] - center);
            }
        }
        AnovaResult anova = ANOVA.compute(new OneWayAnova(distances));
        return new LeveneResult(anova.fStatistic(), anova.dfBetween(), anova.dfWithin(), anova.pValue());
    }
}
