package io.statstream.model.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.WireEnum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of one request object and collects every violation instead of stopping at the
 * first, so a client learns all that is wrong in one round trip. Each reader returns the value, or a
 * placeholder (null, or the default) when the field is invalid; {@link #build} constructs the
 * request only when nothing was wrong, so placeholders never escape. Long because it is every kind
 * of field (numbers, matrices, groups, choices, bounds) with its violations, each a short method.
 */
public final class RequestFields {
    /** A request of a million nulls must not answer with a million violations. */
    static final int MAX_VIOLATIONS = 100;

    private final ObjectNode object;
    private final String typeName;
    private final RequestLimits limits;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> knownFields = new HashSet<>(Set.of(RequestParser.TYPE_FIELD));
    private long valuesReserved;
    private boolean tooLarge;

    RequestFields(ObjectNode object, String typeName, RequestLimits limits) {
        this.object = object;
        this.typeName = typeName;
        this.limits = limits;
    }

    /** A required array of finite numbers with at least {@code minSize} elements. */
    double[] numbers(String field, int minSize) {
        JsonNode node = required(field);
        return node == null ? null : numberArray(field, node, minSize);
    }

    /** A required array of at least {@code minRows} arrays of numbers; rows may differ in length. */
    double[][] rows(String field, int minRows, int minRowSize) {
        JsonNode node = required(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            violation(field, ViolationCode.WRONG_TYPE, "must be an array of arrays of numbers, got " + describe(node));
            return null;
        }
        double[][] rows = new double[node.size()][];
        boolean valid = true;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = numberArray(field + "[" + i + "]", node.get(i), minRowSize);
            valid &= rows[i] != null;
        }
        if (rows.length < minRows) {
            violation(field, ViolationCode.TOO_SHORT, "needs at least " + minRows + " rows, got " + rows.length);
            return null;
        }
        return valid ? rows : null;
    }

    /** Like {@link #rows}, but every row must be as long as the first. */
    double[][] matrix(String field, int minRows, int minColumns) {
        double[][] rows = rows(field, minRows, minColumns);
        if (rows == null) {
            return null;
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != rows[0].length) {
                violation(field + "[" + i + "]", ViolationCode.RAGGED_ROWS,
                        "has " + rows[i].length + " values but row 0 has " + rows[0].length + "; all rows must be as long");
                return null;
            }
        }
        return rows;
    }

    /** An optional finite number. */
    double number(String field, double defaultValue) {
        JsonNode node = optional(field);
        if (node == null) {
            return defaultValue;
        }
        Double value = finiteNumber(field, node);
        return value == null ? defaultValue : value;
    }

    /** An optional number with no default: null when absent or null. */
    Double optionalNumber(String field) {
        JsonNode node = optional(field);
        return node == null ? null : finiteNumber(field, node);
    }

    /** A required finite number. */
    Double requiredNumber(String field) {
        JsonNode node = required(field);
        return node == null ? null : finiteNumber(field, node);
    }

    /** {@code value} (when there is one) must be above {@code bound}. */
    void above(String field, Double value, double bound) {
        if (value != null && !(value > bound)) {
            violation(field, ViolationCode.OUT_OF_RANGE, "must be greater than " + bound + ", got " + value);
        }
    }

    /** {@code value} (when there is one) must be at least {@code minimum}; {@code why} says why. */
    void notBelow(String field, Double value, double minimum, String why) {
        if (value != null && !(value >= minimum)) {
            violation(field, ViolationCode.OUT_OF_RANGE, "must be at least " + minimum + " " + why + ", got " + value);
        }
    }

    /** {@code value} (when there is one) must be strictly between 0 and 1. */
    void openUnitInterval(String field, Double value) {
        if (value != null && !(value > 0 && value < 1)) {
            violation(field, ViolationCode.OUT_OF_RANGE, "must be strictly between 0 and 1, got " + value);
        }
    }

    /** Exactly one of two optional fields must be absent (or null): the one to solve for. */
    void exactlyOneAbsent(String field, Object value, String otherField, Object otherValue) {
        if ((value == null) == (otherValue == null)) {
            violation(field, value == null ? ViolationCode.REQUIRED : ViolationCode.OUT_OF_RANGE,
                    "exactly one of " + field + " and " + otherField + " must be absent or null: the one to solve for");
        }
    }

    /** An optional number strictly between 0 and 1, such as a confidence level. */
    double openUnitInterval(String field, double defaultValue) {
        double value = number(field, defaultValue);
        openUnitInterval(field, (Double) value);
        return value;
    }

    /** An optional boolean. */
    boolean flag(String field, boolean defaultValue) {
        JsonNode node = optional(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            violation(field, ViolationCode.WRONG_TYPE, "must be true or false, got " + describe(node));
            return defaultValue;
        }
        return node.booleanValue();
    }

    /** An optional string naming one constant of {@code type}. */
    <E extends Enum<E> & WireEnum> E choice(String field, Class<E> type, E defaultValue) {
        JsonNode node = optional(field);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isTextual()) {
            violation(field, ViolationCode.WRONG_TYPE, "must be a string, got " + describe(node));
            return defaultValue;
        }
        return WireEnum.fromWireName(type, node.textValue()).orElseGet(() -> {
            violation(field, ViolationCode.INVALID_CHOICE,
                    "must be one of " + WireEnum.wireNames(type) + ", got \"" + node.textValue() + '"');
            return defaultValue;
        });
    }

    /** {@code field} must be exactly as long as {@code otherField}. */
    void sameLength(String field, int length, String otherField, int otherLength) {
        if (length != otherLength) {
            violation(field, ViolationCode.LENGTH_MISMATCH,
                    "must be as long as " + otherField + " (" + otherLength + "), got " + length);
        }
    }

    /** Every value of a table of counts must be zero or more. */
    void nonNegative(String field, double[][] table) {
        if (table == null) {
            return;
        }
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                if (table[i][j] < 0) {
                    violation(field + "[" + i + "][" + j + "]", ViolationCode.NEGATIVE_COUNT,
                            "counts must be zero or more, got " + table[i][j]);
                }
            }
        }
    }

    /** {@code field} must hold exactly {@code expected} values. */
    void exactly(String field, int actual, int expected) {
        if (actual != expected) {
            violation(field, ViolationCode.LENGTH_MISMATCH, "must hold exactly " + expected + " values, got " + actual);
        }
    }

    /** Every value must be a whole number of at least {@code minimum} (counts). */
    void wholeNumbers(String field, double[] values, double minimum) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < minimum || values[i] != Math.rint(values[i])) {
                violation(field + "[" + i + "]", values[i] < 0 ? ViolationCode.NEGATIVE_COUNT : ViolationCode.OUT_OF_RANGE,
                        "must be a whole number of at least " + (long) minimum + ", got " + values[i]);
            }
        }
    }

    /** Every value must be 0 or 1 (a binary outcome). */
    void zeroOrOne(String field, double[] values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                violation(field + "[" + i + "]", ViolationCode.OUT_OF_RANGE, "must be 0 or 1, got " + values[i]);
            }
        }
    }

    /** Every value must lie in [{@code low}, {@code high}]. */
    void between(String field, double[] values, double low, double high) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= low && values[i] <= high)) {
                violation(field + "[" + i + "]", ViolationCode.OUT_OF_RANGE, "must be from " + low + " to " + high + ", got " + values[i]);
            }
        }
    }

    /** Each value of {@code field} must be at most the value at the same place of {@code bounds}. */
    void notAbove(String field, double[] values, String boundsField, double[] bounds) {
        if (values == null || bounds == null || values.length != bounds.length) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] > bounds[i]) {
                violation(field + "[" + i + "]", ViolationCode.OUT_OF_RANGE,
                        "must be at most " + boundsField + "[" + i + "] (" + bounds[i] + "), got " + values[i]);
            }
        }
    }

    /** An upper size rule that depends on another field, e.g. a method that costs more per value. */
    void atMost(String field, int actual, int maximum, String why) {
        if (actual > maximum) {
            violation(field, ViolationCode.OUT_OF_RANGE, "holds " + actual + " values; at most " + maximum + " " + why);
        }
    }

    /** A size rule that spans fields, e.g. observations against coefficients. */
    void atLeast(String field, int actual, int minimum, String why) {
        if (actual < minimum) {
            violation(field, ViolationCode.TOO_SHORT, "needs at least " + minimum + " values " + why + ", got " + actual);
        }
    }

    /** The request, if every field was valid and no unknown field was sent; otherwise every violation. */
    ParsedRequest build(Supplier<? extends AnalysisRequest> constructor) {
        rejectUnknownFields();
        return violations.isEmpty() ? new ParsedRequest.Valid(constructor.get()) : new ParsedRequest.Invalid(violations);
    }

    private void rejectUnknownFields() {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                violation(Violation.quoted(name), ViolationCode.UNKNOWN_FIELD, "is not a field of " + typeName);
            }
        }
    }

    private JsonNode required(String field) {
        knownFields.add(field);
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            violation(field, ViolationCode.REQUIRED, "is required");
            return null;
        }
        return node;
    }

    /** An optional field sent as null counts as absent, so it takes its default. */
    private JsonNode optional(String field) {
        knownFields.add(field);
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private double[] numberArray(String field, JsonNode node, int minSize) {
        if (!node.isArray()) {
            violation(field, ViolationCode.WRONG_TYPE, "must be an array of numbers, got " + describe(node));
            return null;
        }
        if (!reserve(field, node.size())) {
            return null;
        }
        double[] values = new double[node.size()];
        boolean valid = true;
        for (int i = 0; i < values.length; i++) {
            JsonNode element = node.get(i);
            if (isFiniteNumber(element)) {
                values[i] = element.doubleValue() + 0.0; // -0 reads as 0; see finiteNumber
            } else {
                finiteNumber(field + "[" + i + "]", element); // reports why; the path is built only then
                valid = false;
            }
        }
        if (values.length < minSize) {
            violation(field, ViolationCode.TOO_SHORT,
                    "needs at least " + minSize + (minSize == 1 ? " value" : " values") + ", got " + values.length);
            return null;
        }
        return valid ? values : null;
    }

    /** The fast path for array elements: no allocation for a valid number. */
    private static boolean isFiniteNumber(JsonNode node) {
        return node.isNumber() && Double.isFinite(node.doubleValue());
    }

    private Double finiteNumber(String field, JsonNode node) {
        if (node.isNull()) {
            violation(field, ViolationCode.NULL_VALUE, "must be a number, got null");
            return null;
        }
        if (!node.isNumber()) {
            violation(field, ViolationCode.WRONG_TYPE, "must be a number, got " + describe(node));
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            // NaN and Infinity literals, and numbers beyond the range of a double such as 1e400
            violation(field, ViolationCode.NOT_FINITE, "must be a finite number, got " + node.asText());
            return null;
        }
        // -0 and 0 are one number with one canonical spelling, hence one key: they must also
        // compute alike (a ranking would otherwise order -0 before 0).
        return value + 0.0;
    }

    private boolean reserve(String field, int count) {
        if (tooLarge) {
            return false;
        }
        valuesReserved += count;
        if (valuesReserved > limits.maxValues()) {
            tooLarge = true;
            violation(field, ViolationCode.TOO_LARGE,
                    "makes the request hold more than " + limits.maxValues() + " values, the most one request may hold");
            return false;
        }
        return true;
    }

    private void violation(String field, ViolationCode code, String message) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(new Violation(field, code, message));
        }
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}
