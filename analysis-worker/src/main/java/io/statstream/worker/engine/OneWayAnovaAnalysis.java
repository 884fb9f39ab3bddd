package io.statstream.worker.engine;

import io.statstream.model.request.OneWayAnova;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.AnovaResult;

/**
 * Sums of squares from deviations, never from raw sums of squares, on data shifted by one of their
 * own values (see {@link Shifted}): NIST's SmLs09 (1e12 + 0.4, ...) would otherwise lose three
 * digits of ss_between to the rounding of the group means.
 */
final class OneWayAnovaAnalysis implements Analysis<OneWayAnova> {
    @Override
    public AnovaResult compute(OneWayAnova request) {
        double[][] groups = request.groups();
        double shift = groups[0][0];
        int k = groups.length;
        double[] means = new double[k];
        int total = 0;
        double weightedSum = 0;
        double ssWithin = 0;
        for (int i = 0; i < k; i++) {
            double[] group = groups[i];
            means[i] = Shifted.mean(group, shift);
            total += group.length;
            weightedSum += group.length * means[i];
            ssWithin += Shifted.sumOfSquares(group, shift, means[i]);
        }
        double grandMean = weightedSum / total;
        double ssBetween = 0;
        for (int i = 0; i < k; i++) {
            ssBetween += groups[i].length * (means[i] - grandMean) * (means[i] - grandMean);
        }
        if (ssWithin == 0) {
            throw new AnalysisFailure("every group is constant: the within-group variance is zero, so F is undefined");
        }
        int dfBetween = k - 1;
        int dfWithin = total - k;
        double msBetween = ssBetween / dfBetween;
        double msWithin = ssWithin / dfWithin;
        double f = msBetween / msWithin;
        return new AnovaResult(f, dfBetween, dfWithin, Tails.fisherUpper(f, dfBetween, dfWithin), ssBetween, ssWithin,
                msBetween, msWithin, ssBetween / (ssBetween + ssWithin));
    }
}
