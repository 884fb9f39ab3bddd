package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Summary statistics of one sample. */
public record Descriptive(double[] data) implements AnalysisRequest {
    /**
     * As R: one value has a mean, a minimum, quartiles and a maximum; its variance, standard
     * deviation, skewness and kurtosis are undefined and answered null.
     */
    public static final int MIN_SIZE = 1;

    public Descriptive {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.DESCRIPTIVE;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.object().set("data", values.normals(n, 10));
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] data = fields.numbers("data", MIN_SIZE);
        return fields.build(() -> new Descriptive(data));
    }
}
