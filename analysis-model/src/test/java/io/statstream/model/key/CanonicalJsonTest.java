package io.statstream.model.key;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical writer writes, byte for byte, what a plain walk of the request's JSON tree writes. */
class CanonicalJsonTest {
    private static final RequestParser PARSER = new RequestParser(new RequestLimits(20_000));

    @ParameterizedTest
    @EnumSource(AnalysisType.class)
    void writesWhatTheTreeWalkWritesForEveryAnalysis(AnalysisType type) {
        for (int n : new int[] {30, 100, 1_000}) {
            for (long seed = 1; seed <= 5; seed++) {
                AnalysisRequest request = request(type.sample(n, seed));
                assertEquals(TreeCanonicalJson.write(Json.toTree(request)), new String(CanonicalJson.write(request),
                        StandardCharsets.UTF_8), () -> type + " n=" + n);
            }
        }
    }

    @Test
    void writesAbsentOptionalNumbersAsNull() {
        ObjectNode power = AnalysisType.POWER_TTEST.sample(30, 1);
        power.remove("n");
        power.put("power", 0.8);
        AnalysisRequest request = request(power);
        String json = new String(CanonicalJson.write(request), StandardCharsets.UTF_8);
        assertEquals(TreeCanonicalJson.write(Json.toTree(request)), json);
        assertTrue(json.contains("\"n\":null"), json);
    }

    /** canonical-numbers.tsv holds ECMAScript's spelling of every kind of double (see CanonicalNumberTest). */
    @Test
    void spellsEveryKindOfNumberAsTheTreeWalkDoes() throws IOException {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/canonical-numbers.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(line.split("\t")[0], 16));
                if (Double.isFinite(value)) {
                    data.add(value);
                }
            }
        }
        ObjectNode descriptive = JsonNodeFactory.instance.objectNode().put("type", "descriptive");
        descriptive.set("data", data);
        AnalysisRequest request = request(descriptive);
        assertEquals(TreeCanonicalJson.write(Json.toTree(request)), new String(CanonicalJson.write(request),
                StandardCharsets.UTF_8));
    }

    private static AnalysisRequest request(ObjectNode json) {
        ParsedRequest parsed = PARSER.parse(json.toString().getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request();
    }
}
