package io.statstream.model.result;

import io.statstream.model.WireEnum;

/** Whether an analysis produced numbers. Both are final: a key's result never changes. */
public enum ResultStatus implements WireEnum {
    DONE("done"),
    FAILED("failed");

    private final String wireName;

    ResultStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
