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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
                assertEquals(TreeCanonicalJson.write(Json.toTree(request)), written(request), () -> type + " n=" + n);
            }
        }
    }

    @Test
    void writesAbsentOptionalNumbersAsNull() {
        ObjectNode power = AnalysisType.POWER_TTEST.sample(30, 1);
        power.remove("n");
        power.put("power", 0.8);
        AnalysisRequest request = request(power);
        String json = written(request);
        assertEquals(TreeCanonicalJson.write(Json.toTree(request)), json);
        assertTrue(json.contains("\"n\":null"), json);
    }

    @Test
    void spellsEveryKindOfNumberAsTheTreeWalkDoes() throws IOException {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (CanonicalNumbersFixture.Row row : CanonicalNumbersFixture.rows()) {
            if (Double.isFinite(row.value())) {
                data.add(row.value());
            }
        }
        ObjectNode descriptive = JsonNodeFactory.instance.objectNode().put("type", "descriptive");
        descriptive.set("data", data);
        AnalysisRequest request = request(descriptive);
        assertEquals(TreeCanonicalJson.write(Json.toTree(request)), written(request));
    }

    private static String written(AnalysisRequest request) {
        return new String(CanonicalJson.write(request), StandardCharsets.UTF_8);
    }

    private static AnalysisRequest request(ObjectNode json) {
        ParsedRequest parsed = PARSER.parse(json.toString().getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request();
    }
}
