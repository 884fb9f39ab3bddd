package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** The Shapiro-Wilk test: could {@code data} come from a normal distribution? */
public record ShapiroWilk(double[] data) implements AnalysisRequest {
    public static final int MIN_SIZE = 3;
    /** Royston's approximation of the p-value holds up to here, and R refuses more. */
    public static final int MAX_SIZE = 5_000;

    public ShapiroWilk {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.SHAPIRO_WILK;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.object().set("data", values.normals(Math.min(n, MAX_SIZE), 10));
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] data = fields.numbers("data", MIN_SIZE);
        if (data != null) {
            fields.atMost("data", data.length, MAX_SIZE, "(R's shapiro.test takes 3 to 5,000)");
        }
        return fields.build(() -> new ShapiroWilk(data));
    }
}
