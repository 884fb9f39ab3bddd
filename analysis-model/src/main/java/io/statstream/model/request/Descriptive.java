package io.statstream.model.request;

import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Summary statistics of one sample. */
public record Descriptive(double[] data) implements AnalysisRequest {
    /** The sample variance needs two values. */
    public static final int MIN_SIZE = 2;

    public Descriptive {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.DESCRIPTIVE;
    }

    static ParsedRequest read(RequestFields fields) {
        double[] data = fields.numbers("data", MIN_SIZE);
        return fields.build(() -> new Descriptive(data));
    }
}
