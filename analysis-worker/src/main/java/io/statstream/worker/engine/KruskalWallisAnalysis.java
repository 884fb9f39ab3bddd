package io.statstream.worker.engine;

import io.statstream.model.request.KruskalWallis;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.KruskalWallisResult;

/**
 * As R's {@code kruskal.test}: H from the average ranks of all values, divided by the tie
 * correction 1 − Σ(t³ − t)/(n³ − n), referred to chi-square with groups − 1 degrees of freedom.
 */
final class KruskalWallisAnalysis implements Analysis<KruskalWallis> {
    @Override
    public KruskalWallisResult compute(KruskalWallis request) {
        double[][] groups = request.groups();
        int total = 0;
        for (double[] group : groups) {
            total += group.length;
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] group : groups) {
            System.arraycopy(group, 0, all, at, group.length);
            at += group.length;
        }
        double[] ranks = AverageRanks.of(all);
        double n = total;
        double tieCorrection = 1 - AverageRanks.tieTerm(all) / (n * n * n - n);
        if (!(tieCorrection > 0)) {
            throw new AnalysisFailure("all values are equal: the test is undefined");
        }
        double sumOfSquaredRankSums = 0;
        at = 0;
        for (double[] group : groups) {
            double rankSum = 0;
            for (int i = 0; i < group.length; i++) {
                rankSum += ranks[at + i];
            }
            sumOfSquaredRankSums += rankSum * rankSum / group.length;
            at += group.length;
        }
        double h = (12 * sumOfSquaredRankSums / (n * (n + 1)) - 3 * (n + 1)) / tieCorrection;
        int df = groups.length - 1;
        return new KruskalWallisResult(h, df, Tails.chiSquareUpper(h, df), total);
    }
}
