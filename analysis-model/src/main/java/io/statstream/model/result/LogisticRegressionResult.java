package io.statstream.model.result;

/**
 * A logistic regression fit, as R's {@code summary(glm(.., family = binomial))} reports it: the
 * per-coefficient arrays list the intercept first when the model has one; z and p are Wald's.
 */
public record LogisticRegressionResult(double[] coefficients, double[] stdErrors, double[] zValues, double[] pValues,
                                       double deviance, double nullDeviance, int dfResidual, int dfNull, double aic,
                                       int n) implements AnalysisResult {
    public LogisticRegressionResult {
        Finite.check("coefficients", coefficients);
        Finite.check("std_errors", stdErrors);
        Finite.check("z_values", zValues);
        Finite.check("p_values", pValues);
        Finite.check("deviance", deviance);
        Finite.check("null_deviance", nullDeviance);
        Finite.check("aic", aic);
    }
}
