package io.statstream.model;

/** The alternative hypothesis of a test, named as in R and SciPy. */
public enum Alternative implements WireEnum {
    TWO_SIDED("two-sided"),
    LESS("less"),
    GREATER("greater");

    private final String wireName;

    Alternative(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
