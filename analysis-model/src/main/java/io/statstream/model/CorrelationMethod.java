package io.statstream.model;

/** How a correlation coefficient is computed. */
public enum CorrelationMethod implements WireEnum {
    PEARSON("pearson"),
    /** Pearson's coefficient of the ranks, ties given their average rank. */
    SPEARMAN("spearman"),
    /** Kendall's tau-b, tested with the normal approximation and the tie-corrected variance of S. */
    KENDALL("kendall");

    private final String wireName;

    CorrelationMethod(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
