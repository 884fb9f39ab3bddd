package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import io.statstream.model.request.OneSampleTTest;
import io.statstream.model.result.TTestResult;

final class OneSampleTTestAnalysis implements Analysis<OneSampleTTest> {
    @Override
    public TTestResult compute(OneSampleTTest request) {
        return test(request.data(), request.mu(), request.alternative(), request.confidence());
    }

    /** Shared with the paired test, which is this test on the differences with mu = 0. */
    static TTestResult test(double[] data, double mu, Alternative alternative, double confidence) {
        int n = data.length;
        double shift = data[0];
        double shiftedMean = Shifted.mean(data, shift);
        double mean = shiftedMean + shift;
        // mean - mu without rounding the mean first: shift - mu is exact when the two are close
        double difference = shiftedMean + (shift - mu);
        double sd = Math.sqrt(Shifted.variance(data, shift, shiftedMean));
        double standardError = sd / Math.sqrt(n);
        TTestCore.requireSpread(standardError, Math.abs(mean));
        double df = n - 1;
        TTestCore core = TTestCore.of(mu, difference, standardError, df, alternative, confidence);
        return new TTestResult(core.statistic(), df, core.pValue(), mean, core.ciLow(), core.ciHigh(), difference / sd, n);
    }
}
