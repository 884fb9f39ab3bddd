package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.CorrelationMethod;
import io.statstream.model.request.Correlation;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.CorrelationResult;
import org.apache.commons.math3.stat.StatUtils;

/** Pearson's r (of the ranks, for Spearman) from centered cross-products, tested with n - 2 df. */
final class CorrelationAnalysis implements Analysis<Correlation> {
    @Override
    public CorrelationResult compute(Correlation request) {
        boolean ranks = request.method() == CorrelationMethod.SPEARMAN;
        double[] x = ranks ? AverageRanks.of(request.x()) : request.x();
        double[] y = ranks ? AverageRanks.of(request.y()) : request.y();
        int n = x.length;
        double r = pearson(x, y);
        double df = n - 2;
        double p;
        if (Math.abs(r) == 1) {
            p = 0;
        } else {
            double t = r * Math.sqrt(df / ((1 - r) * (1 + r)));
            p = Tails.studentP(t, df, Alternative.TWO_SIDED);
        }
        return new CorrelationResult(r, p, n);
    }

    private static double pearson(double[] x, double[] y) {
        double meanX = StatUtils.mean(x);
        double meanY = StatUtils.mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            throw new AnalysisFailure((sxx == 0 ? "x" : "y") + " is constant: the correlation is undefined");
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r)); // rounding can step just outside [-1, 1]
    }
}
