package io.statstream.model.request;

import java.util.List;

import static io.statstream.model.request.ViolationCode.*;

/**
 * One request per kind of validation error, with the field and reason it must be reported under.
 * Shared (test-jar) so that the end-to-end tests send every one of them over HTTP too.
 */
public record InvalidRequest(String json, String field, ViolationCode code, String reason) {

    @Override
    public String toString() {
        return json + " -> " + field + " " + code.wireName();
    }

    public static List<InvalidRequest> all() {
        return List.of(
                // the document as a whole
                new InvalidRequest("{\"type\":", "$", MALFORMED_JSON, "not valid JSON"),
                new InvalidRequest("", "$", MALFORMED_JSON, "empty"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2],\"data\":[3,4]}", "$", MALFORMED_JSON, "Duplicate field 'data'"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2]} {}", "$", MALFORMED_JSON, "not valid JSON"),
                new InvalidRequest("[1,2]", "$", WRONG_TYPE, "must be a JSON object, got an array"),
                // the type
                new InvalidRequest("{\"data\":[1,2]}", "type", REQUIRED, "\"ttest_one_sample\""),
                new InvalidRequest("{\"type\":3}", "type", WRONG_TYPE, "must be a string, got a number"),
                new InvalidRequest("{\"type\":\"ttest\"}", "type", UNKNOWN_TYPE, "got \"ttest\""),
                // unknown fields, including those of another type
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2],\"weights\":[1,1]}", "weights", UNKNOWN_FIELD, "not a field of descriptive"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2],\"mu\":0}", "mu", UNKNOWN_FIELD, "not a field of descriptive"),
                // required fields and JSON types
                new InvalidRequest("{\"type\":\"descriptive\"}", "data", REQUIRED, "is required"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":null}", "data", REQUIRED, "is required"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":\"1,2,3\"}", "data", WRONG_TYPE, "array of numbers, got a string"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,\"2\",3]}", "data[1]", WRONG_TYPE, "must be a number, got a string"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,[2],3]}", "data[1]", WRONG_TYPE, "got an array"),
                new InvalidRequest("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"mu\":\"0\"}", "mu", WRONG_TYPE, "got a string"),
                new InvalidRequest("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[1,2],\"equal_var\":\"yes\"}", "equal_var", WRONG_TYPE, "true or false"),
                new InvalidRequest("{\"type\":\"mann_whitney\",\"a\":[1,2],\"b\":[1,2],\"alternative\":1}", "alternative", WRONG_TYPE, "must be a string"),
                new InvalidRequest("{\"type\":\"anova_oneway\",\"groups\":[1,2]}", "groups[0]", WRONG_TYPE, "array of numbers, got a number"),
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":{\"a\":1}}", "x", WRONG_TYPE, "array of arrays"),
                // NaN, Infinity and null inside data
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,NaN,3]}", "data[1]", NOT_FINITE, "finite number, got NaN"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2,Infinity]}", "data[2]", NOT_FINITE, "Infinity"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[-Infinity,2,3]}", "data[0]", NOT_FINITE, "Infinity"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[1,2,1e400]}", "data[2]", NOT_FINITE, "finite"),
                new InvalidRequest("{\"type\":\"ttest_paired\",\"a\":[1,2,3],\"b\":[1,null,3]}", "b[1]", NULL_VALUE, "got null"),
                new InvalidRequest("{\"type\":\"anova_oneway\",\"groups\":[[1,2],[3,null]]}", "groups[1][1]", NULL_VALUE, "got null"),
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[1],[NaN],[3]]}", "x[1][0]", NOT_FINITE, "NaN"),
                // too short, naming the minimum
                new InvalidRequest("{\"type\":\"ttest_one_sample\",\"data\":[1]}", "data", TOO_SHORT, "at least 2 values, got 1"),
                new InvalidRequest("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[3]}", "b", TOO_SHORT, "at least 2 values, got 1"),
                new InvalidRequest("{\"type\":\"ttest_paired\",\"a\":[1],\"b\":[3]}", "a", TOO_SHORT, "at least 2 values"),
                new InvalidRequest("{\"type\":\"descriptive\",\"data\":[]}", "data", TOO_SHORT, "at least 1 value, got 0"),
                new InvalidRequest("{\"type\":\"ttest_independent\",\"a\":[1],\"b\":[3],\"equal_var\":true}", "a", TOO_SHORT,
                        "at least 3 values in a and b together for the pooled test, got 2"),
                new InvalidRequest("{\"type\":\"correlation\",\"x\":[1,2],\"y\":[1,2]}", "x", TOO_SHORT, "at least 3 values, got 2"),
                new InvalidRequest("{\"type\":\"mann_whitney\",\"a\":[],\"b\":[1]}", "a", TOO_SHORT, "at least 1 value, got 0"),
                new InvalidRequest("{\"type\":\"anova_oneway\",\"groups\":[[1,2,3]]}", "groups", TOO_SHORT, "at least 2 rows, got 1"),
                new InvalidRequest("{\"type\":\"anova_oneway\",\"groups\":[[1,2],[]]}", "groups[1]", TOO_SHORT, "at least 1 value, got 0"),
                new InvalidRequest("{\"type\":\"anova_oneway\",\"groups\":[[1],[2]]}", "groups", TOO_SHORT, "at least 3 values in all"),
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[1,2],[2,3],[3,5]]}", "y", TOO_SHORT, "at least 4 values for 3 coefficients, got 3"),
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3],\"x\":[[],[],[]]}", "x[0]", TOO_SHORT, "at least 1 value"),
                new InvalidRequest("{\"type\":\"chi_square_independence\",\"table\":[[1,2]]}", "table", TOO_SHORT, "at least 2 rows, got 1"),
                new InvalidRequest("{\"type\":\"chi_square_independence\",\"table\":[[1],[2]]}", "table[0]", TOO_SHORT, "at least 2 values, got 1"),
                // lengths that must agree
                new InvalidRequest("{\"type\":\"ttest_paired\",\"a\":[1,2,3],\"b\":[1,2]}", "b", LENGTH_MISMATCH, "as long as a (3), got 2"),
                new InvalidRequest("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,2,3,4]}", "y", LENGTH_MISMATCH, "as long as x (3), got 4"),
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3,4],\"x\":[[1],[2],[3]]}", "x", LENGTH_MISMATCH, "as long as y (4), got 3"),
                // ragged rows
                new InvalidRequest("{\"type\":\"regression_ols\",\"y\":[1,2,3,4],\"x\":[[1,2],[2,1],[3],[4,1]]}", "x[2]", RAGGED_ROWS, "has 1 values but row 0 has 2"),
                new InvalidRequest("{\"type\":\"chi_square_independence\",\"table\":[[1,2],[3,4,5]]}", "table[1]", RAGGED_ROWS, "row 0 has 2"),
                // negative counts
                new InvalidRequest("{\"type\":\"chi_square_independence\",\"table\":[[1,-2],[3,4]]}", "table[0][1]", NEGATIVE_COUNT, "got -2.0"),
                // ranges and choices
                new InvalidRequest("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"confidence\":0}", "confidence", OUT_OF_RANGE, "strictly between 0 and 1"),
                new InvalidRequest("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"confidence\":1}", "confidence", OUT_OF_RANGE, "got 1.0"),
                new InvalidRequest("{\"type\":\"ttest_paired\",\"a\":[1,2],\"b\":[1,3],\"confidence\":95}", "confidence", OUT_OF_RANGE, "got 95.0"),
                new InvalidRequest("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[1,3],\"confidence\":-0.5}", "confidence", OUT_OF_RANGE, "got -0.5"),
                new InvalidRequest("{\"type\":\"ttest_one_sample\",\"data\":[1,2],\"alternative\":\"both\"}", "alternative", INVALID_CHOICE,
                        "one of \"two-sided\", \"less\", \"greater\", got \"both\""),
                new InvalidRequest("{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,2,3],\"method\":\"distance\"}", "method", INVALID_CHOICE,
                        "\"pearson\", \"spearman\", \"kendall\""),
                new InvalidRequest("{\"type\":\"levene\",\"groups\":[[1],[2]],\"center\":\"mode\"}", "center", INVALID_CHOICE,
                        "\"median\", \"mean\""),
                new InvalidRequest("{\"type\":\"levene\",\"groups\":[[1],[2]]}", "groups", TOO_SHORT, "one more than the number of groups"),
                new InvalidRequest("{\"type\":\"wilcoxon_signed_rank\",\"a\":[1,2,3],\"b\":[1,2]}", "b", LENGTH_MISMATCH, "as long as a (3), got 2"),
                new InvalidRequest("{\"type\":\"kruskal_wallis\",\"groups\":[[1,2,3]]}", "groups", TOO_SHORT, "at least 2"),
                new InvalidRequest("{\"type\":\"proportions_test\",\"successes\":[3,11],\"trials\":[10,10]}", "successes[1]", OUT_OF_RANGE, "at most trials[1]"),
                new InvalidRequest("{\"type\":\"proportions_test\",\"successes\":[3,1.5],\"trials\":[10,10]}", "successes[1]", OUT_OF_RANGE, "whole number"),
                new InvalidRequest("{\"type\":\"proportions_test\",\"successes\":[3,4],\"trials\":[10,0]}", "trials[1]", OUT_OF_RANGE, "at least 1"),
                new InvalidRequest("{\"type\":\"proportions_test\",\"successes\":[3,4,5],\"trials\":[10,10,10]}", "successes", LENGTH_MISMATCH, "exactly 2"),
                new InvalidRequest("{\"type\":\"p_adjust\",\"p_values\":[0.5,1.5]}", "p_values[1]", OUT_OF_RANGE, "from 0.0 to 1.0"),
                new InvalidRequest("{\"type\":\"p_adjust\",\"p_values\":[0.5],\"method\":\"fdr\"}", "method", INVALID_CHOICE, "\"bh\""),
                new InvalidRequest("{\"type\":\"fisher_exact\",\"table\":[[1,2,3],[3,4,5]]}", "table[0]", LENGTH_MISMATCH, "exactly 2"),
                new InvalidRequest("{\"type\":\"fisher_exact\",\"table\":[[1,2],[3,4],[5,6]]}", "table", LENGTH_MISMATCH, "exactly 2"),
                new InvalidRequest("{\"type\":\"fisher_exact\",\"table\":[[1,2.5],[3,4]]}", "table[0][1]", OUT_OF_RANGE, "whole number"),
                new InvalidRequest("{\"type\":\"logistic_regression\",\"y\":[0,2,1],\"x\":[[1],[2],[3]]}", "y[1]", OUT_OF_RANGE, "0 or 1"),
                new InvalidRequest("{\"type\":\"logistic_regression\",\"y\":[0,1],\"x\":[[1],[2]]}", "y", TOO_SHORT, "for 2 coefficients"),
                new InvalidRequest("{\"type\":\"shapiro_wilk\",\"data\":[1,2]}", "data", TOO_SHORT, "at least 3"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"n\":20,\"power\":0.8,\"delta\":1}", "n", OUT_OF_RANGE, "exactly one of n and power"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"delta\":1}", "n", REQUIRED, "exactly one of n and power"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"n\":1.5,\"delta\":1}", "n", OUT_OF_RANGE, "at least 2.0"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"power\":1,\"delta\":1}", "power", OUT_OF_RANGE, "strictly between 0 and 1"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"n\":10}", "delta", REQUIRED, "is required"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"n\":10,\"delta\":-1}", "delta", OUT_OF_RANGE, "greater than 0"),
                new InvalidRequest("{\"type\":\"power_ttest\",\"n\":10,\"delta\":1,\"alternative\":\"less\"}", "alternative", INVALID_CHOICE, "\"one-sided\"")
        );
    }
}
