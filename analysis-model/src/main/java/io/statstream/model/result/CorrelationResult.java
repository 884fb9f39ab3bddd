package io.statstream.model.result;

/** A correlation coefficient with the two-sided p-value of the t approximation (n - 2 df). */
public record CorrelationResult(double coefficient, double pValue, int n) implements AnalysisResult {
    public CorrelationResult {
        Finite.check("coefficient", coefficient);
        Finite.check("p_value", pValue);
    }
}
