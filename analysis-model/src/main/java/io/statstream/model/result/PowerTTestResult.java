package io.statstream.model.result;

/** A t-test's power calculation: the sample size per group (not rounded) and the power, with the values it used. */
public record PowerTTestResult(double n, double power, double delta, double sd, double sigLevel) implements AnalysisResult {
    public PowerTTestResult {
        Finite.check("n", n);
        Finite.check("power", power);
    }
}
