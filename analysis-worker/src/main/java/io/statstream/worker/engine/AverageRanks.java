package io.statstream.worker.engine;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

import java.util.Arrays;

/** Ranks from 1, ties given the average of the ranks they span, as R's rank() and SciPy's rankdata(). */
final class AverageRanks {
    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    private AverageRanks() {
    }

    static double[] of(double[] values) {
        return RANKING.rank(values);
    }

    /** The sum of t³ − t over each group of t tied values: what rank tests correct their variance by. */
    static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double term = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                double t = i - start;
                term += t * t * t - t;
                start = i;
            }
        }
        return term;
    }
}
