package io.statstream.model.request;

import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every type reads, writes its canonical form with every default filled in, and reads that back unchanged. */
class EveryTypeRoundTripTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final Map<AnalysisType, String> MINIMAL = new EnumMap<>(Map.ofEntries(
            Map.entry(AnalysisType.TTEST_ONE_SAMPLE, "{\"type\":\"ttest_one_sample\",\"data\":[1,2]}"),
            Map.entry(AnalysisType.TTEST_INDEPENDENT, "{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[3,4]}"),
            Map.entry(AnalysisType.TTEST_PAIRED, "{\"type\":\"ttest_paired\",\"a\":[1,2],\"b\":[3,5]}"),
            Map.entry(AnalysisType.ANOVA_ONEWAY, "{\"type\":\"anova_oneway\",\"groups\":[[1,2],[3]]}"),
            Map.entry(AnalysisType.REGRESSION_OLS, "{\"type\":\"regression_ols\",\"y\":[1,2,4],\"x\":[[1],[2],[3]]}"),
            Map.entry(AnalysisType.CORRELATION, "{\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,3,2]}"),
            Map.entry(AnalysisType.CHI_SQUARE_INDEPENDENCE, "{\"type\":\"chi_square_independence\",\"table\":[[1,2],[3,4]]}"),
            Map.entry(AnalysisType.MANN_WHITNEY, "{\"type\":\"mann_whitney\",\"a\":[1],\"b\":[2]}"),
            Map.entry(AnalysisType.DESCRIPTIVE, "{\"type\":\"descriptive\",\"data\":[1,2]}"),
            Map.entry(AnalysisType.WILCOXON_SIGNED_RANK, "{\"type\":\"wilcoxon_signed_rank\",\"a\":[1],\"b\":[2]}"),
            Map.entry(AnalysisType.KRUSKAL_WALLIS, "{\"type\":\"kruskal_wallis\",\"groups\":[[1],[2]]}"),
            Map.entry(AnalysisType.LEVENE, "{\"type\":\"levene\",\"groups\":[[1,2],[3]]}"),
            Map.entry(AnalysisType.PROPORTIONS_TEST, "{\"type\":\"proportions_test\",\"successes\":[3,5],\"trials\":[10,10]}"),
            Map.entry(AnalysisType.P_ADJUST, "{\"type\":\"p_adjust\",\"p_values\":[0.01,0.5]}"),
            Map.entry(AnalysisType.FISHER_EXACT, "{\"type\":\"fisher_exact\",\"table\":[[1,2],[3,4]]}"),
            Map.entry(AnalysisType.LOGISTIC_REGRESSION, "{\"type\":\"logistic_regression\",\"y\":[0,1,1],\"x\":[[1],[2],[3]]}"),
            Map.entry(AnalysisType.SHAPIRO_WILK, "{\"type\":\"shapiro_wilk\",\"data\":[1,2,4]}"),
            Map.entry(AnalysisType.POWER_TTEST, "{\"type\":\"power_ttest\",\"n\":20,\"delta\":1}"),
            Map.entry(AnalysisType.TUKEY_HSD, "{\"type\":\"tukey_hsd\",\"groups\":[[1,2],[3]]}")));
    private static final Map<AnalysisType, String> CANONICAL = new EnumMap<>(Map.ofEntries(
            Map.entry(AnalysisType.TTEST_ONE_SAMPLE, "{\"alternative\":\"two-sided\",\"confidence\":0.95,\"data\":[1,2],\"mu\":0,\"type\":\"ttest_one_sample\"}"),
            Map.entry(AnalysisType.TTEST_INDEPENDENT, "{\"a\":[1,2],\"alternative\":\"two-sided\",\"b\":[3,4],\"confidence\":0.95,\"equal_var\":false,\"type\":\"ttest_independent\"}"),
            Map.entry(AnalysisType.TTEST_PAIRED, "{\"a\":[1,2],\"alternative\":\"two-sided\",\"b\":[3,5],\"confidence\":0.95,\"type\":\"ttest_paired\"}"),
            Map.entry(AnalysisType.ANOVA_ONEWAY, "{\"groups\":[[1,2],[3]],\"type\":\"anova_oneway\"}"),
            Map.entry(AnalysisType.REGRESSION_OLS, "{\"intercept\":true,\"type\":\"regression_ols\",\"x\":[[1],[2],[3]],\"y\":[1,2,4]}"),
            Map.entry(AnalysisType.CORRELATION, "{\"method\":\"pearson\",\"type\":\"correlation\",\"x\":[1,2,3],\"y\":[1,3,2]}"),
            Map.entry(AnalysisType.CHI_SQUARE_INDEPENDENCE, "{\"table\":[[1,2],[3,4]],\"type\":\"chi_square_independence\"}"),
            Map.entry(AnalysisType.MANN_WHITNEY, "{\"a\":[1],\"alternative\":\"two-sided\",\"b\":[2],\"type\":\"mann_whitney\"}"),
            Map.entry(AnalysisType.DESCRIPTIVE, "{\"data\":[1,2],\"type\":\"descriptive\"}"),
            Map.entry(AnalysisType.WILCOXON_SIGNED_RANK, "{\"a\":[1],\"alternative\":\"two-sided\",\"b\":[2],\"mu\":0,\"type\":\"wilcoxon_signed_rank\"}"),
            Map.entry(AnalysisType.KRUSKAL_WALLIS, "{\"groups\":[[1],[2]],\"type\":\"kruskal_wallis\"}"),
            Map.entry(AnalysisType.LEVENE, "{\"center\":\"median\",\"groups\":[[1,2],[3]],\"type\":\"levene\"}"),
            Map.entry(AnalysisType.PROPORTIONS_TEST, "{\"alternative\":\"two-sided\",\"confidence\":0.95,\"successes\":[3,5],\"trials\":[10,10],\"type\":\"proportions_test\"}"),
            Map.entry(AnalysisType.P_ADJUST, "{\"method\":\"holm\",\"p_values\":[0.01,0.5],\"type\":\"p_adjust\"}"),
            Map.entry(AnalysisType.FISHER_EXACT, "{\"alternative\":\"two-sided\",\"confidence\":0.95,\"table\":[[1,2],[3,4]],\"type\":\"fisher_exact\"}"),
            Map.entry(AnalysisType.LOGISTIC_REGRESSION, "{\"intercept\":true,\"type\":\"logistic_regression\",\"x\":[[1],[2],[3]],\"y\":[0,1,1]}"),
            Map.entry(AnalysisType.SHAPIRO_WILK, "{\"data\":[1,2,4],\"type\":\"shapiro_wilk\"}"),
            Map.entry(AnalysisType.POWER_TTEST, "{\"alternative\":\"two-sided\",\"delta\":1,\"n\":20,\"power\":null,\"sd\":1,\"sig_level\":0.05,\"test\":\"two_sample\",\"type\":\"power_ttest\"}"),
            Map.entry(AnalysisType.TUKEY_HSD, "{\"confidence\":0.95,\"groups\":[[1,2],[3]],\"type\":\"tukey_hsd\"}")));

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void theCanonicalFormFillsDefaultsAndReadsBack(AnalysisType type) {
        AnalysisRequest request = parse(MINIMAL.get(type));
        assertEquals(type, request.type());
        CanonicalForm form = CanonicalForm.of(request);
        assertEquals(CANONICAL.get(type), form.json());
        assertEquals(form, CanonicalForm.of(parse(form.json())));
    }

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void itsSamplesReadAndTheirCanonicalFormsReadBack(AnalysisType type) {
        for (int n : new int[]{30, 300}) {
            AnalysisRequest request = parse(type.sample(n, 7).toString());
            assertEquals(type, request.type());
            CanonicalForm form = CanonicalForm.of(request);
            assertEquals(form, CanonicalForm.of(parse(form.json())));
        }
    }

    @Test
    void everyTypeHasASample() {
        assertEquals(AnalysisType.values().length, MINIMAL.size());
        assertEquals(AnalysisType.values().length, CANONICAL.size());
    }

    private static AnalysisRequest parse(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request();
    }
}
