package io.statstream.model.result;

/**
 * Summary statistics of a sample. Variance is the sample variance (n - 1), null for a single value
 * (as the standard deviation); quantiles are R's type 7; skewness and kurtosis are the
 * bias-corrected estimates (kurtosis in excess of 3), null where the sample is too small (fewer
 * than 3, resp. 4, values) or has no spread.
 */
public record DescriptiveResult(int n, double mean, Double variance, Double stdDev, double min, double q1,
                                double median, double q3, double max, Double skewness, Double kurtosis)
        implements AnalysisResult {
    public DescriptiveResult {
        Finite.check("mean", mean);
        Finite.checkNullable("variance", variance);
        Finite.checkNullable("std_dev", stdDev);
        Finite.check("quantiles", new double[]{min, q1, median, q3, max});
        Finite.checkNullable("skewness", skewness);
        Finite.checkNullable("kurtosis", kurtosis);
    }
}
