package io.statstream.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose constants travel as fixed lower-case strings. */
public interface WireEnum {
    @JsonValue
    String wireName();

    static <E extends Enum<E> & WireEnum> Optional<E> fromWireName(Class<E> type, String name) {
        return Optional.ofNullable(name).map(WireNameIndex.INSTANCE.get(type)::get).map(type::cast);
    }

    /** The accepted names, for error messages: {@code "less", "greater"}. */
    static <E extends Enum<E> & WireEnum> String wireNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> '"' + e.wireName() + '"')
                .collect(Collectors.joining(", "));
    }
}
