package io.statstream.model;

/** How {@code p_adjust} corrects p-values for multiple comparisons, named as R's {@code p.adjust} names them. */
public enum PAdjustMethod implements WireEnum {
    HOLM("holm"),
    HOCHBERG("hochberg"),
    HOMMEL("hommel"),
    BONFERRONI("bonferroni"),
    /** Benjamini-Hochberg: the false discovery rate. */
    BH("bh"),
    /** Benjamini-Yekutieli: the false discovery rate under any dependence. */
    BY("by");

    private final String wireName;

    PAdjustMethod(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
