package io.statstream.model;

/** Which t-test a power calculation is for. */
public enum TTestDesign implements WireEnum {
    TWO_SAMPLE("two_sample"),
    ONE_SAMPLE("one_sample"),
    PAIRED("paired");

    private final String wireName;

    TTestDesign(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
