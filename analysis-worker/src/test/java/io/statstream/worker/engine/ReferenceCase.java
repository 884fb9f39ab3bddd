package io.statstream.worker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.model.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a reference fixture: a request, the values R, SciPy or NIST give for it, and the
 * relative tolerance to hold them to. The fixtures and the scripts that made them live under
 * {@code src/test/resources/reference} and {@code src/test/reference}.
 */
record ReferenceCase(String name, String source, JsonNode request, JsonNode expected, double tolerance,
                     JsonNode tolerances) {
    static final double DEFAULT_TOLERANCE = 1e-9;

    double toleranceFor(String field) {
        JsonNode specific = tolerances == null ? null : tolerances.get(field);
        return specific == null ? tolerance : specific.doubleValue();
    }

    @Override
    public String toString() {
        return name;
    }

    static List<ReferenceCase> load(String resource) {
        InputStream in = ReferenceCase.class.getResourceAsStream(resource);
        Objects.requireNonNull(in, () -> "missing fixture " + resource);
        List<ReferenceCase> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    cases.add(parse(Json.readTree(line.getBytes(StandardCharsets.UTF_8))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
        return cases;
    }

    private static ReferenceCase parse(JsonNode line) {
        JsonNode tolerance = line.get("tolerance");
        return new ReferenceCase(line.get("name").asText(), line.path("source").asText(), line.get("request"),
                line.get("expected"), tolerance == null ? DEFAULT_TOLERANCE : tolerance.doubleValue(),
                line.get("tolerances"));
    }
}
