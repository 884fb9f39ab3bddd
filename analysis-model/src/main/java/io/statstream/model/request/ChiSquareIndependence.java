package io.statstream.model.request;

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

    static ParsedRequest read(RequestFields fields) {
        double[][] table = fields.matrix("table", MIN_ROWS, MIN_COLUMNS);
        fields.nonNegative("table", table);
        return fields.build(() -> new ChiSquareIndependence(table));
    }
}
