package io.statstream.worker.engine;

import io.statstream.model.request.IndependentTTest;
import io.statstream.model.result.IndependentTTestResult;

final class IndependentTTestAnalysis implements Analysis<IndependentTTest> {
    @Override
    public IndependentTTestResult compute(IndependentTTest request) {
        double[] a = request.a();
        double[] b = request.b();
        int na = a.length;
        int nb = b.length;
        // Both samples shifted by the same value: their difference of means loses no digits to the offset.
        double shift = a[0];
        double meanA = Shifted.mean(a, shift);
        double meanB = Shifted.mean(b, shift);
        // A sample of one value adds nothing to the pooled sum of squares (R's pooled test allows it;
        // validation leaves Welch's test two values each).
        double varA = na > 1 ? Shifted.variance(a, shift, meanA) : 0;
        double varB = nb > 1 ? Shifted.variance(b, shift, meanB) : 0;
        double pooledVariance = ((na - 1) * varA + (nb - 1) * varB) / (na + nb - 2);

        double standardError;
        double df;
        if (request.equalVar()) {
            standardError = Math.sqrt(pooledVariance * (1.0 / na + 1.0 / nb));
            df = na + nb - 2;
        } else {
            double seA = varA / na;
            double seB = varB / nb;
            standardError = Math.sqrt(seA + seB);
            df = (seA + seB) * (seA + seB) / (seA * seA / (na - 1) + seB * seB / (nb - 1)); // Welch-Satterthwaite
        }
        TTestCore.requireSpread(standardError, Math.max(Math.abs(meanA + shift), Math.abs(meanB + shift)));

        double difference = meanA - meanB;
        TTestCore core = TTestCore.of(0, difference, standardError, df, request.alternative(), request.confidence());
        return new IndependentTTestResult(core.statistic(), df, core.pValue(), difference, core.ciLow(), core.ciHigh(),
                difference / Math.sqrt(pooledVariance), na, nb);
    }
}
