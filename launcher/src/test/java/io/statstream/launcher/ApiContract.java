package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.statstream.api.ApiServer;
import io.statstream.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document as the tests hold the API to it: every reply {@link ApiClient}
 * receives is checked here (status documented for its operation, required headers present, body
 * valid against the schema of its media type), so the document cannot drift from what the server says.
 */
final class ApiContract {
    /** Where the document's own {@code $ref}s resolve: a name, never fetched. */
    private static final String BASE = "https://statstream.io/openapi.json";
    static final ApiContract DOCUMENT = load();

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document) {
        this.document = document;
        String json = new String(Json.write(document), StandardCharsets.UTF_8);
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, factory -> factory
                .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, json))));
    }

    private static ApiContract load() {
        try (InputStream yaml = ApiContract.class.getClassLoader().getResourceAsStream(ApiServer.CONTRACT)) {
            return new ApiContract(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every operation the document describes, as {@code "GET /v1/analyses/{key}"}. */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations.stream().sorted().toList();
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** What is wrong with {@code value} by the schema at {@code pointer} (a JSON pointer into the document); empty when nothing is. */
    List<String> violations(String pointer, JsonNode value) {
        JsonSchema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p), config));
        return schema.validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    /** Fails when the reply is not what the document says this request may be answered with. */
    void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        String what = method + " " + uri.getRawPath() + " → " + status;
        Optional<String> operation = operationPointer(method, uri.getRawPath());
        if (operation.isEmpty()) {
            // No route for this path or method: the router's own answer, a problem.
            require(status == 404 || status == 405 || status == 400, what + ": no operation in the document, yet not refused");
            checkBody(what, "/components/schemas/Problem", headers, body);
            return;
        }
        String responses = operation.get() + "/responses";
        String response = responses + "/" + status;
        if (at(response).isMissingNode()) {
            response = responses + "/default";
        }
        require(!at(response).isMissingNode(), what + ": this status is not in the document's responses for the operation");
        response = followRef(response);
        Iterator<Map.Entry<String, JsonNode>> documented = at(response + "/headers").fields();
        while (documented.hasNext()) {
            Map.Entry<String, JsonNode> header = documented.next();
            boolean required = at(followRef(response + "/headers/" + escape(header.getKey())) + "/required").asBoolean(false);
            require(!required || headers.firstValue(header.getKey()).isPresent(), what + ": the required header " + header.getKey() + " is missing");
        }
        if (body.isEmpty() && at(response + "/content").isMissingNode()) {
            return;
        }
        String mediaType = headers.firstValue("Content-Type").map(type -> type.split(";")[0].trim()).orElse("");
        String content = response + "/content/" + escape(mediaType);
        require(!at(content).isMissingNode(), what + ": Content-Type \"" + mediaType + "\" is not documented; the document has "
                + at(response + "/content").properties().stream().map(Map.Entry::getKey).toList());
        if (mediaType.endsWith("json") && !at(content + "/schema").isMissingNode()) {
            checkBody(what, content + "/schema", headers, body);
        }
    }

    private void checkBody(String what, String schemaPointer, HttpHeaders headers, String body) {
        JsonNode json;
        try {
            json = Json.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(what + ": the body is not JSON: " + body, e);
        }
        List<String> violations = violations(schemaPointer, json);
        require(violations.isEmpty(), what + ": the body does not match " + schemaPointer + ": " + violations + "\n" + abbreviated(body));
    }

    /** The operation's JSON pointer: a literal path before a templated one, as the router matches. */
    private Optional<String> operationPointer(String method, String path) {
        String lower = method.toLowerCase(Locale.ROOT);
        List<String> templates = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(templates::add);
        return templates.stream()
                .sorted(Comparator.comparing((String t) -> t.contains("{")))
                .filter(template -> Pattern.matches(template.replaceAll("\\{[^}]+}", "[^/]+"), path))
                .filter(template -> document.get("paths").get(template).has(lower))
                .findFirst()
                .map(template -> "/paths/" + escape(template) + "/" + lower);
    }

    private String followRef(String pointer) {
        JsonNode ref = at(pointer + "/$ref");
        return ref.isTextual() ? ref.asText().substring(1) : pointer;
    }

    private JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviated(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
