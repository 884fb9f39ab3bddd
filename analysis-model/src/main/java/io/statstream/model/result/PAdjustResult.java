package io.statstream.model.result;

/** The adjusted p-values, in the order the p-values came. */
public record PAdjustResult(double[] adjusted) implements AnalysisResult {
    public PAdjustResult {
        Finite.check("adjusted", adjusted);
    }
}
