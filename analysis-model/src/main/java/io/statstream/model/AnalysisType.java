package io.statstream.model;

/**
 * The kinds of analysis statstream computes, with the name each one has on the wire.
 * Adding an analysis starts here; the compiler then points at every registry that lacks it.
 */
public enum AnalysisType implements WireEnum {
    TTEST_ONE_SAMPLE("ttest_one_sample"),
    TTEST_INDEPENDENT("ttest_independent"),
    TTEST_PAIRED("ttest_paired"),
    ANOVA_ONEWAY("anova_oneway"),
    REGRESSION_OLS("regression_ols"),
    CORRELATION("correlation"),
    CHI_SQUARE_INDEPENDENCE("chi_square_independence"),
    MANN_WHITNEY("mann_whitney"),
    DESCRIPTIVE("descriptive");

    private final String wireName;

    AnalysisType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
