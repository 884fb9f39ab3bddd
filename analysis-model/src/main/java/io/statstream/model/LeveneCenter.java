package io.statstream.model;

/** What Levene's test measures each value's distance from: its group's median (Brown-Forsythe) or mean. */
public enum LeveneCenter implements WireEnum {
    MEDIAN("median"),
    MEAN("mean");

    private final String wireName;

    LeveneCenter(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
