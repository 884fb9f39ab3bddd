package io.statstream.worker.engine;

/**
 * Moments of data less a shift taken from the data themselves. Values near the shift subtract
 * exactly (Sterbenz), so for data like 1e9 + 0.1234 the small parts keep all their digits, while a
 * mean of the raw values is rounded to 1e-7 and anything that subtracts two such means (a t
 * statistic, ss_between) or cubes deviations from one (skewness) inherits that error.
 */
final class Shifted {
    private Shifted() {
    }

    /** The mean of {@code value - shift}, with a second pass that corrects the rounding of the first. */
    static double mean(double[] values, double shift) {
        double sum = 0;
        for (double value : values) {
            sum += value - shift;
        }
        double mean = sum / values.length;
        double correction = 0;
        for (double value : values) {
            correction += (value - shift) - mean;
        }
        return mean + correction / values.length;
    }

    /** The sum of squared deviations from the mean, given {@code shiftedMean = mean(values, shift)}. */
    static double sumOfSquares(double[] values, double shift, double shiftedMean) {
        double squares = 0;
        double deviations = 0;
        for (double value : values) {
            double deviation = (value - shift) - shiftedMean;
            squares += deviation * deviation;
            deviations += deviation;
        }
        return squares - deviations * deviations / values.length; // removes what rounding left in the mean
    }

    /** The sample (n - 1) variance, given {@code shiftedMean = mean(values, shift)}. */
    static double variance(double[] values, double shift, double shiftedMean) {
        return sumOfSquares(values, shift, shiftedMean) / (values.length - 1);
    }

    static double[] copy(double[] values, double shift) {
        double[] shifted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            shifted[i] = values[i] - shift;
        }
        return shifted;
    }
}
