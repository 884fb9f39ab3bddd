package io.statstream.model.result;

/**
 * Guards the promise that a result holds only finite numbers, since JSON cannot spell NaN or
 * Infinity. A non-finite value means the data left the statistic undefined: that is an
 * {@link AnalysisFailure}, reported as a failed result.
 */
final class Finite {
    private Finite() {
    }

    static void check(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new AnalysisFailure(field + " is undefined for these data (" + value + ")");
        }
    }

    static void checkNullable(String field, Double value) {
        if (value != null) {
            check(field, value);
        }
    }

    static void check(String field, double[] values) {
        for (double value : values) {
            check(field, value);
        }
    }
}
