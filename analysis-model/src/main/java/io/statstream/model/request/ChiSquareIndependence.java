package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Pearson's chi-square test of independence of the rows and columns of a contingency table. */
public record ChiSquareIndependence(double[][] table) implements AnalysisRequest {
    public static final int MIN_ROWS = 2;
    public static final int MIN_COLUMNS = 2;

    public ChiSquareIndependence {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.CHI_SQUARE_INDEPENDENCE;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        // The cost does not grow with the counts: a 5 x 5 table holding about n observations.
        ObjectNode sample = values.object();
        ArrayNode table = sample.putArray("table");
        for (int i = 0; i < 5; i++) {
            ArrayNode row = table.addArray();
            for (int j = 0; j < 5; j++) {
                row.add(1 + values.below(Math.max(1, 2 * n / 25)));
            }
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] table = fields.matrix("table", MIN_ROWS, MIN_COLUMNS);
        fields.nonNegative("table", table);
        return fields.build(() -> new ChiSquareIndependence(table));
    }
}
