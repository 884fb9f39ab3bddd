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
        double term = 0;
        for (int t : tieSizes(values)) {
            term += (double) t * t * t - t;
        }
        return term;
    }

    /** The size of every group of equal values (1 for a value that ties with none), in sorted order. */
    static int[] tieSizes(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] sizes = new int[sorted.length];
        int groups = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                sizes[groups++] = i - start;
                start = i;
            }
        }
        return Arrays.copyOf(sizes, groups);
    }
}
