package io.statstream.worker.engine;

import io.statstream.model.Sides;
import io.statstream.model.TTestDesign;
import io.statstream.model.request.PowerTTest;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.PowerTTestResult;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * As R's {@code power.t.test(..., strict = FALSE)}: the power is the noncentral t's upper tail
 * beyond the central t's critical value, with (n − 1) degrees of freedom per sample and
 * noncentrality √(n / samples) δ / sd; a missing n is solved for, to a relative 1e-12 (R's
 * default {@code uniroot} tolerance is far looser).
 */
final class PowerTTestAnalysis implements Analysis<PowerTTest> {
    private static final double MAX_N = 1e7;

    @Override
    public PowerTTestResult compute(PowerTTest request) {
        UnivariateFunction power = n -> power(request, n);
        if (request.n() != null) {
            return result(request, request.n(), power.value(request.n()));
        }
        double target = request.power();
        if (power.value(PowerTTest.MIN_N) >= target) {
            throw new AnalysisFailure("the power is reached with fewer than 2 per group, where the t-test is undefined");
        }
        if (power.value(MAX_N) < target) {
            throw new AnalysisFailure("the power is not reached with up to " + (long) MAX_N + " per group");
        }
        double n = new BrentSolver(1e-12, 1e-12).solve(10_000, m -> power.value(m) - target, PowerTTest.MIN_N, MAX_N);
        return result(request, n, target);
    }

    private static double power(PowerTTest request, double n) {
        double samples = request.test() == TTestDesign.TWO_SAMPLE ? 2 : 1;
        double sides = request.alternative() == Sides.TWO_SIDED ? 2 : 1;
        double df = (n - 1) * samples;
        double critical = StudentQuantiles.of(df, 1 - request.sigLevel() / sides);
        return NoncentralT.upper(critical, df, Math.sqrt(n / samples) * request.delta() / request.sd());
    }

    private static PowerTTestResult result(PowerTTest request, double n, double power) {
        return new PowerTTestResult(n, power, request.delta(), request.sd(), request.sigLevel());
    }
}
