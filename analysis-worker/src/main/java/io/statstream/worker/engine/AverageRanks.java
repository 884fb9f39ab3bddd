package io.statstream.worker.engine;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Ranks from 1, ties given the average of the ranks they span, as R's rank() and SciPy's rankdata(). */
final class AverageRanks {
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private AverageRanks() {
    }

    static double[] of(double[] values) {
        return RANKING.rank(values);
    }
}
