package io.statstream.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;

import java.util.SplittableRandom;

/**
 * Requests of a given type holding about {@code n} values, from a fixed seed, built as JSON and read
 * through the real parser so they are exactly what a client's request would become.
 */
final class SampleRequests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int PREDICTORS = 3;
    private static final int GROUPS = 3;

    private SampleRequests() {
    }

    static ObjectNode json(AnalysisType type, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode request = JSON.objectNode().put("type", type.wireName());
        switch (type) {
            case TTEST_ONE_SAMPLE, DESCRIPTIVE -> request.set("data", normals(random, n, 10));
            case TTEST_INDEPENDENT, TTEST_PAIRED, MANN_WHITNEY -> {
                request.set("a", normals(random, n / 2, 10));
                request.set("b", normals(random, n / 2, 10.5));
            }
            case CORRELATION -> {
                request.set("x", normals(random, n / 2, 0));
                request.set("y", normals(random, n / 2, 0));
            }
            case ANOVA_ONEWAY -> {
                ArrayNode groups = request.putArray("groups");
                for (int g = 0; g < GROUPS; g++) {
                    groups.add(normals(random, n / GROUPS, g));
                }
            }
            case REGRESSION_OLS -> {
                int rows = n / (PREDICTORS + 1);
                request.set("y", normals(random, rows, 5));
                ArrayNode x = request.putArray("x");
                for (int i = 0; i < rows; i++) {
                    x.add(normals(random, PREDICTORS, 0));
                }
            }
            case CHI_SQUARE_INDEPENDENCE -> {
                // The cost does not grow with the counts: a 5 x 5 table holding n observations.
                ArrayNode table = request.putArray("table");
                for (int i = 0; i < 5; i++) {
                    ArrayNode row = table.addArray();
                    for (int j = 0; j < 5; j++) {
                        row.add(1 + random.nextInt(Math.max(1, 2 * n / 25)));
                    }
                }
            }
        }
        return request;
    }

    static AnalysisRequest request(AnalysisType type, int n, long seed) {
        ParsedRequest parsed = new RequestParser(RequestLimits.DEFAULT).parse(json(type, n, seed));
        if (parsed instanceof ParsedRequest.Valid valid) {
            return valid.request();
        }
        throw new IllegalStateException("sample request is invalid: " + parsed);
    }

    private static ArrayNode normals(SplittableRandom random, int count, double mean) {
        ArrayNode values = JSON.arrayNode(count);
        for (int i = 0; i < count; i++) {
            values.add(mean + gaussian(random));
        }
        return values;
    }

    /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
