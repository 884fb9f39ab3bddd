package io.statstream.worker.engine;

import io.statstream.model.request.WilcoxonSignedRank;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.WilcoxonSignedRankResult;

/**
 * As R's {@code wilcox.test(a, b, paired = TRUE, mu, exact = FALSE, correct = TRUE)}: the
 * differences a − b − mu, zeros dropped, ranked by magnitude (ties averaged); V is the sum of the
 * ranks of the positive ones; the p-value is the normal approximation with the tie correction of
 * the variance and a continuity correction of ½ towards the mean.
 */
final class WilcoxonSignedRankAnalysis implements Analysis<WilcoxonSignedRank> {
    @Override
    public WilcoxonSignedRankResult compute(WilcoxonSignedRank request) {
        double[] a = request.a();
        double[] b = request.b();
        double[] nonzero = new double[a.length];
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            double difference = (a[i] - b[i]) - request.mu(); // in R's order: x - y, then - mu
            if (difference != 0) {
                nonzero[count++] = difference;
            }
        }
        if (count == 0) {
            throw new AnalysisFailure("every difference is zero: the test is undefined");
        }
        double[] magnitudes = new double[count];
        for (int i = 0; i < count; i++) {
            magnitudes[i] = Math.abs(nonzero[i]);
        }
        double[] ranks = AverageRanks.of(magnitudes);
        double v = 0;
        for (int i = 0; i < count; i++) {
            if (nonzero[i] > 0) {
                v += ranks[i];
            }
        }
        double n = count;
        double z = v - n * (n + 1) / 4;
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - AverageRanks.tieTerm(magnitudes) / 48);
        double correction = switch (request.alternative()) {
            case TWO_SIDED -> Math.signum(z) * 0.5;
            case GREATER -> 0.5;
            case LESS -> -0.5;
        };
        z = (z - correction) / sigma;
        double p = switch (request.alternative()) {
            case LESS -> Tails.normalUpper(-z);
            case GREATER -> Tails.normalUpper(z);
            case TWO_SIDED -> 2 * Tails.normalUpper(Math.abs(z));
        };
        return new WilcoxonSignedRankResult(v, p, a.length, count);
    }
}
