package io.statstream.worker.engine;

import io.statstream.model.request.PairedTTest;
import io.statstream.model.result.TTestResult;

final class PairedTTestAnalysis implements Analysis<PairedTTest> {
    @Override
    public TTestResult compute(PairedTTest request) {
        double[] a = request.a();
        double[] b = request.b();
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - b[i];
        }
        return OneSampleTTestAnalysis.test(differences, 0, request.alternative(), request.confidence());
    }
}
