package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario's figures: printed as a table, written as JSON with the machine they ran on. */
final class Report {
    private final String scenario;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> rows = new java.util.ArrayList<>();

    Report(String scenario) {
        this.scenario = scenario;
    }

    Report row(String what, String value, String note) {
        rows.add(new String[]{what, value, note});
        return this;
    }

    Report figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    void print() {
        System.out.printf("%n== %s ==%n", scenario);
        for (String[] row : rows) {
            System.out.printf("%-48s %16s   %s%n", row[0], row[1], row[2]);
        }
    }

    void write() throws IOException {
        Path dir = Path.of("benchmarks", "results");
        Files.createDirectories(dir);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", scenario);
        document.put("ran_at", Instant.now().toString());
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        document.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(scenario + ".json").toFile(), document);
    }
}
