package io.statstream.worker.engine;

import io.statstream.model.request.Descriptive;
import io.statstream.model.result.DescriptiveResult;
import java.util.Arrays;

/**
 * Skewness and kurtosis are the bias-corrected G1 and G2 that SciPy gives with {@code bias=False}
 * (and Commons Math's {@code Skewness} and {@code Kurtosis}); both are undefined for too few
 * values or no spread, and reported as null.
 */
final class DescriptiveAnalysis implements Analysis<Descriptive> {
    @Override
    public DescriptiveResult compute(Descriptive request) {
        double[] data = request.data();
        int n = data.length;
        // Skewness and kurtosis cube and square deviations from the mean: computed on shifted data,
        // so that the rounding of a mean near 1e9 does not enter them.
        double shift = data[0];
        double[] shifted = Shifted.copy(data, shift);
        double shiftedMean = Shifted.mean(shifted, 0);
        // One value has no sample variance (n - 1 = 0): null, as R's NA.
        Double variance = n > 1 ? Shifted.variance(shifted, 0, shiftedMean) : null;
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        boolean spread = variance != null && variance > 0;
        Double skewness = null;
        Double kurtosis = null;
        if (spread && n >= 3) {
            // Computed here from the mean and variance above, as Commons Math's classes define them:
            // its Kurtosis raised each deviation with FastMath.pow, which allocates per call (a third
            // of the stream thread's garbage at 2,000 misses/s) and is slower than multiplying.
            double cubes = 0;
            double fourths = 0;
            for (double value : shifted) {
                double deviation = value - shiftedMean;
                double square = deviation * deviation;
                cubes += square * deviation;
                fourths += square * square;
            }
            double size = n;
            skewness = size / ((size - 1) * (size - 2)) * cubes / (variance * Math.sqrt(variance));
            if (n >= 4) {
                kurtosis = size * (size + 1) / ((size - 1) * (size - 2) * (size - 3)) * fourths / (variance * variance)
                        - 3 * (size - 1) * (size - 1) / ((size - 2) * (size - 3));
            }
        }
        double mean = shiftedMean + shift;
        return new DescriptiveResult(n, mean, variance, variance == null ? null : Math.sqrt(variance), sorted[0], quantile(sorted, 0.25),
                quantile(sorted, 0.5), quantile(sorted, 0.75), sorted[n - 1], skewness, kurtosis);
    }

    /** R's type 7 (SciPy's default): linear interpolation between order statistics at (n - 1) p. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        if (below + 1 >= sorted.length) {
            return sorted[below];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
