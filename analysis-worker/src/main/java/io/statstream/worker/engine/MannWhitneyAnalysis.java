package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.request.MannWhitney;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.MannWhitneyResult;


/**
 * The normal approximation with tie and continuity corrections, as SciPy's
 * {@code mannwhitneyu(method="asymptotic")}: the statistic is U of sample a whatever the
 * alternative, the p-value uses U of a (greater), U of b (less) or the larger of both (two-sided).
 */
final class MannWhitneyAnalysis implements Analysis<MannWhitney> {
    @Override
    public MannWhitneyResult compute(MannWhitney request) {
        double[] a = request.a();
        double[] b = request.b();
        double na = a.length;
        double nb = b.length;
        double n = na + nb;
        double[] combined = new double[a.length + b.length];
        System.arraycopy(a, 0, combined, 0, a.length);
        System.arraycopy(b, 0, combined, a.length, b.length);

        double[] ranks = AverageRanks.of(combined);
        double rankSumA = 0;
        for (int i = 0; i < a.length; i++) {
            rankSumA += ranks[i];
        }
        double uA = rankSumA - na * (na + 1) / 2;
        double uB = na * nb - uA;

        double sd = Math.sqrt(na * nb / 12 * ((n + 1) - AverageRanks.tieTerm(combined) / (n * (n - 1))));
        if (sd == 0) {
            throw new AnalysisFailure("all values are equal: the test is undefined");
        }
        double u = switch (request.alternative()) {
            case GREATER -> uA;
            case LESS -> uB;
            case TWO_SIDED -> Math.max(uA, uB);
        };
        double z = (u - na * nb / 2 - 0.5) / sd;
        double sides = request.alternative() == Alternative.TWO_SIDED ? 2 : 1;
        return new MannWhitneyResult(uA, Math.min(1, sides * Tails.normalUpper(z)));
    }
}
