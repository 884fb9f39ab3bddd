package io.statstream.worker.engine;

import io.statstream.model.request.ProportionsTest;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.ProportionsTestResult;

/**
 * As R's {@code prop.test(successes, trials, alternative, conf.level, correct = FALSE)} for two
 * groups: Pearson's chi-square of the 2 × 2 table of successes and failures (one-sided: its signed
 * root against the normal), and the Wald interval of p_a − p_b, bounded at −1 and 1.
 */
final class ProportionsTestAnalysis implements Analysis<ProportionsTest> {

    @Override
    public ProportionsTestResult compute(ProportionsTest request) {
        double xa = request.successes()[0];
        double xb = request.successes()[1];
        double na = request.trials()[0];
        double nb = request.trials()[1];
        double pooled = (xa + xb) / (na + nb);
        if (pooled == 0 || pooled == 1) {
            throw new AnalysisFailure("every trial " + (pooled == 0 ? "failed" : "succeeded")
                    + ": the expected counts of the other outcome are zero, so the test is undefined");
        }
        double statistic = cell(xa, na * pooled) + cell(na - xa, na * (1 - pooled))
                + cell(xb, nb * pooled) + cell(nb - xb, nb * (1 - pooled));
        double pa = xa / na;
        double pb = xb / nb;
        double delta = pa - pb;
        double confidence = request.confidence();
        double width = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        double signedRoot = Math.signum(delta) * Math.sqrt(statistic);
        return switch (request.alternative()) {
            case TWO_SIDED -> {
                double z = Tails.normalQuantile((1 + confidence) / 2);
                yield new ProportionsTestResult(statistic, 1, Tails.chiSquareUpper(statistic, 1), pa, pb,
                        Math.max(delta - z * width, -1), Math.min(delta + z * width, 1));
            }
            case LESS -> new ProportionsTestResult(statistic, 1, Tails.normalUpper(-signedRoot), pa, pb,
                    -1, Math.min(delta + Tails.normalQuantile(confidence) * width, 1));
            case GREATER -> new ProportionsTestResult(statistic, 1, Tails.normalUpper(signedRoot), pa, pb,
                    Math.max(delta - Tails.normalQuantile(confidence) * width, -1), 1);
        };
    }

    private static double cell(double observed, double expected) {
        double difference = observed - expected;
        return difference * difference / expected;
    }
}
