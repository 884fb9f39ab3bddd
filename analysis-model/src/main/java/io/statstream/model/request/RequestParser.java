package io.statstream.model.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.WireEnum;
import io.statstream.model.json.Json;

import java.util.List;
import java.util.Objects;

/**
 * Turns JSON into a valid {@link AnalysisRequest}, or into every {@link Violation} that prevents it.
 * This is the only place requests are validated; the API and the worker both call it.
 */
public final class RequestParser {
    static final String TYPE_FIELD = "type";

    private final RequestLimits limits;

    public RequestParser(RequestLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ParsedRequest parse(byte[] json) {
        try {
            return parse(Json.readTree(json));
        } catch (JsonProcessingException e) {
            return invalid(Violation.ROOT, ViolationCode.MALFORMED_JSON, "is not valid JSON: " + describe(e));
        }
    }

    public ParsedRequest parse(JsonNode json) {
        if (json == null || json.isMissingNode()) {
            return invalid(Violation.ROOT, ViolationCode.MALFORMED_JSON, "is empty; expected a JSON object");
        }
        if (!json.isObject()) {
            return invalid(Violation.ROOT, ViolationCode.WRONG_TYPE, "must be a JSON object, got " + RequestFields.describe(json));
        }
        JsonNode typeName = json.get(TYPE_FIELD);
        if (typeName == null || typeName.isNull()) {
            return invalid(TYPE_FIELD, ViolationCode.REQUIRED, "is required: one of " + WireEnum.wireNames(AnalysisType.class));
        }
        if (!typeName.isTextual()) {
            return invalid(TYPE_FIELD, ViolationCode.WRONG_TYPE, "must be a string, got " + RequestFields.describe(typeName));
        }
        return WireEnum.fromWireName(AnalysisType.class, typeName.textValue())
                .map(type -> type.read(new RequestFields((ObjectNode) json, type.wireName(), limits)))
                .orElseGet(() -> invalid(TYPE_FIELD, ViolationCode.UNKNOWN_TYPE,
                        "must be one of " + WireEnum.wireNames(AnalysisType.class) + ", got \"" + Violation.quoted(typeName.textValue()) + '"'));
    }

    private static ParsedRequest invalid(String field, ViolationCode code, String message) {
        return new ParsedRequest.Invalid(List.of(new Violation(field, code, message)));
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return e.getOriginalMessage() + where;
    }
}
