package io.statstream.launcher.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The Python client computes content keys offline from {@code clients/python/statstream/contract.json}:
 * the engine version, each type's defaults (what the canonical form adds to a request that omits
 * them), and sample requests with their canonical forms and keys, the golden keys its own tests
 * check. The file is derived here from the contract and must be what is committed; regenerate it
 * with {@code mvn -pl launcher test -Dtest=PythonClientContractTest -Dstatstream.regenerate=true}.
 */
class PythonClientContractTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void theClientsContractIsDerivedFromTheJavaContract() throws IOException {
        ObjectNode expected = contract();
        Path file = Path.of("").toAbsolutePath().getParent().resolve("clients/python/statstream/contract.json");
        if (Boolean.getBoolean("statstream.regenerate")) {
            Files.writeString(file, expected.toPrettyString() + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(expected, Json.readTree(Files.readAllBytes(file)),
                file + " is not what the contract says: regenerate it (see this test's comment)");
    }

    private static ObjectNode contract() throws IOException {
        ObjectNode contract = JSON.objectNode().put("engine_version", EngineVersion.CURRENT);
        ObjectNode types = contract.putObject("types");
        ArrayNode samples = contract.putArray("samples");
        for (AnalysisType type : AnalysisType.values()) {
            ObjectNode sample = type.sample(30, 1);
            CanonicalForm form = canonical(sample);
            ObjectNode defaults = types.putObject(type.wireName()).putObject("defaults");
            JsonNode canonical = Json.readTree(form.jsonBytes());
            for (Iterator<String> fields = canonical.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!sample.has(field)) {
                    defaults.set(field, canonical.get(field));
                }
            }
            for (long seed = 1; seed <= 2; seed++) {
                samples.add(golden(type.sample(30, seed)));
            }
        }
        // Numbers at the edges of RFC 8785's spelling: exponents, the plain range's ends, -0, subnormals.
        samples.add(golden((ObjectNode) Json.readTree(("{\"type\":\"descriptive\",\"data\":[1e21,1e20,123456789012345680000,"
                + "1e-6,1e-7,0.000001234,-0.0,0,5e-324,1.7976931348623157e308,100,0.1,0.30000000000000004,-42.5,1e7,"
                + "12345678.9,2.5e-8,-1.5e300]}").getBytes(StandardCharsets.UTF_8))));
        return contract;
    }

    private static ObjectNode golden(ObjectNode request) {
        CanonicalForm form = canonical(request);
        ObjectNode golden = JSON.objectNode();
        golden.set("request", request);
        golden.put("canonical", form.json()).put("key", form.key().hex());
        return golden;
    }

    private static CanonicalForm canonical(ObjectNode request) {
        ParsedRequest parsed = PARSER.parse(request);
        return CanonicalForm.of(assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request());
    }
}
