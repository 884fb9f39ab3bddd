package io.statstream.model;

/** Whether a power calculation's test is one-sided or two-sided (R's power.t.test names). */
public enum Sides implements WireEnum {
    TWO_SIDED("two-sided"),
    ONE_SIDED("one-sided");

    private final String wireName;

    Sides(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
