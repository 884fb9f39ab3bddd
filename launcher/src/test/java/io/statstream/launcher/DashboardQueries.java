package io.statstream.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names that a Grafana dashboard's PromQL queries select. */
final class DashboardQueries {
    /** Label matchers, label lists of by/without, and string literals: none of them name a metric. */
    private static final Pattern NOT_METRICS = Pattern.compile("\\{[^}]*}|\\b(by|without)\\s*\\([^)]*\\)|\"[^\"]*\"");
    /** A name not followed by "(" (which would make it a function). */
    private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    private DashboardQueries() {
    }

    static Set<String> metricNames(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : new ObjectMapper().readTree(dashboard.toFile()).findValues("expr")) {
            Matcher name = NAME.matcher(NOT_METRICS.matcher(expr.asText()).replaceAll(" "));
            while (name.find()) {
                if (name.group(1).contains("_")) { // sum, rate, 1m and the like have none
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }
}
