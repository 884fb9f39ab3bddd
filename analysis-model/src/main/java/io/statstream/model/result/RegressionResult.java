package io.statstream.model.result;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ordinary least squares fit, as R's {@code summary(lm(..))} reports it. The per-coefficient
 * arrays list the intercept first when the model has one, then the predictors in column order.
 * Without an intercept, R-squared is uncentered, as in R. (Two names are spelled out because
 * Jackson's snake_case would write {@code adj_rsquared} and {@code f_pvalue}.)
 */
public record RegressionResult(double[] coefficients, double[] stdErrors, double[] tValues, double[] pValues,
                               double rSquared, @JsonProperty("adj_r_squared") double adjRSquared, double fStatistic,
                               @JsonProperty("f_p_value") double fPValue,
                               double residualStdError, int dfResidual, int n) implements AnalysisResult {
    public RegressionResult {
        Finite.check("coefficients", coefficients);
        Finite.check("std_errors", stdErrors);
        Finite.check("r_squared", rSquared);
        Finite.check("adj_r_squared", adjRSquared);
        Finite.check("residual_std_error", residualStdError);
        Finite.check("t_values", tValues);
        Finite.check("p_values", pValues);
        Finite.check("f_statistic", fStatistic);
        Finite.check("f_p_value", fPValue);
    }
}
