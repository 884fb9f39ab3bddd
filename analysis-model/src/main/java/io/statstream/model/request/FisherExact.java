package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Fisher's exact test of a 2 × 2 table of counts: are rows and columns independent? */
public record FisherExact(double[][] table, Alternative alternative, double confidence) implements AnalysisRequest {
    public static final int SIZE = 2;

    public FisherExact {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.FISHER_EXACT;
    }

    /** A sample table of about {@code n} counts (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        ArrayNode table = sample.putArray("table");
        for (int i = 0; i < SIZE; i++) {
            ArrayNode row = table.addArray();
            for (int j = 0; j < SIZE; j++) {
                row.add(1 + values.below(Math.max(1, n / 2)));
            }
        }
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[][] table = fields.matrix("table", SIZE, SIZE);
        if (table != null) {
            fields.exactly("table", table.length, SIZE);
            fields.exactly("table[0]", table[0].length, SIZE);
            for (int i = 0; i < table.length; i++) {
                fields.wholeNumbers("table[" + i + "]", table[i], 0);
            }
        }
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new FisherExact(table, alternative, confidence));
    }
}
