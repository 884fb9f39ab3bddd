package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.ApiError;
import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.request.ViolationCode;
import io.statstream.worker.engine.Engine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * openapi.yaml against the contract in code, without a server: its requests are exactly the
 * analysis types, every type's samples are valid by it, and every result the engine computes for
 * them is a valid envelope by it. The end-to-end tests check every reply they receive
 * ({@link ApiContract}), and {@code WebPagesIT} that its operations are the server's routes.
 */
class OpenApiContractTest {
    private static final ApiContract CONTRACT = ApiContract.DOCUMENT;
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    @Test
    void theRequestsAreExactlyTheAnalysisTypes() {
        Set<String> documented = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/AnalysisRequest/discriminator/mapping").fieldNames().forEachRemaining(documented::add);
        Set<String> types = new TreeSet<>(Arrays.stream(AnalysisType.values()).map(AnalysisType::wireName).toList());
        assertEquals(types, documented);
    }

    @Test
    void everyProblemTypeIsDocumentedWithItsTitleAndStatus() {
        Set<String> documented = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/Problem/properties/type/enum").forEach(type -> documented.add(type.asText()));
        assertEquals(new TreeSet<>(Arrays.stream(ApiError.values()).map(ApiError::type).toList()), documented);
        Map<String, JsonNode> byType = new TreeMap<>();
        CONTRACT.document().at("/components/schemas").forEach(schema -> {
            JsonNode type = schema.at("/properties/type/const");
            if (type.isTextual() && type.asText().startsWith("https://")) {
                byType.put(type.asText(), schema.get("properties"));
            }
        });
        for (ApiError error : ApiError.values()) {
            JsonNode problem = byType.get(error.type());
            assertEquals(error.title(), problem == null ? null : problem.at("/title/const").asText(), error.type());
            assertEquals(error.status(), problem.at("/status/const").asInt(), error.type());
        }
    }

    @Test
    void everyViolationCodeIsDocumented() {
        Set<String> documented = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/ViolationCode/enum").forEach(code -> documented.add(code.asText()));
        assertEquals(new TreeSet<>(Arrays.stream(ViolationCode.values()).map(ViolationCode::wireName).toList()), documented);
    }

    @Test
    void everyTypesSamplesAreValidRequests() {
        for (AnalysisType type : AnalysisType.values()) {
            for (int n : new int[]{30, 300}) {
                JsonNode sample = type.sample(n, n);
                assertEquals(List.of(), CONTRACT.violations("/components/schemas/AnalysisRequest", sample), type + ": " + sample);
            }
        }
    }

    @Test
    void requestsOfNoTypeOrOfTheWrongShapeAreNot() throws Exception {
        for (String invalid : List.of("{\"type\":\"no_such_analysis\",\"data\":[1,2,3]}",
                "{\"type\":\"ttest_one_sample\",\"data\":\"1,2,3\"}", "{\"data\":[1,2,3]}")) {
            JsonNode request = Json.readTree(invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(CONTRACT.violations("/components/schemas/AnalysisRequest", request).isEmpty(), invalid);
        }
    }

    @Test
    void everyResultTheEngineComputesIsAValidEnvelope() throws Exception {
        Engine engine = new Engine(Clock.systemUTC());
        for (AnalysisType type : AnalysisType.values()) {
            AnalysisRequest request = assertInstanceOf(ParsedRequest.Valid.class, PARSER.parse(type.sample(30, 1))).request();
            ContentKey key = ContentKey.of(request);
            for (var envelope : List.of(engine.run(key, request), engine.refuse(key, Optional.of(type), "a reason"),
                    engine.refuse(key, Optional.empty(), "no type"))) {
                JsonNode json = Json.readTree(Json.write(envelope));
                assertEquals(List.of(), CONTRACT.violations("/components/schemas/ResultEnvelope", json), type + ": " + json);
            }
        }
    }
}
