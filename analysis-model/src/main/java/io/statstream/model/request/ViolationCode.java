package io.statstream.model.request;

import io.statstream.model.WireEnum;

/** Why a request was rejected. Stable codes: clients may branch on them. */
public enum ViolationCode implements WireEnum {
    MALFORMED_JSON("malformed_json"),
    UNKNOWN_TYPE("unknown_type"),
    UNKNOWN_FIELD("unknown_field"),
    REQUIRED("required"),
    WRONG_TYPE("wrong_type"),
    NULL_VALUE("null_value"),
    NOT_FINITE("not_finite"),
    TOO_SHORT("too_short"),
    LENGTH_MISMATCH("length_mismatch"),
    RAGGED_ROWS("ragged_rows"),
    NEGATIVE_COUNT("negative_count"),
    OUT_OF_RANGE("out_of_range"),
    INVALID_CHOICE("invalid_choice"),
    /** The same value twice where each must be distinct (a key in a lookup). */
    DUPLICATE("duplicate"),
    /** The request holds more values than {@link RequestLimits#maxValues()}: HTTP 413, not 400. */
    TOO_LARGE("too_large");

    private final String wireName;

    ViolationCode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
