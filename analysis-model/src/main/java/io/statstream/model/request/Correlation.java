package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.CorrelationMethod;

import java.util.Objects;

/** The correlation of {@code x} and {@code y}, with a two-sided test that it is zero. */
public record Correlation(double[] x, double[] y, CorrelationMethod method) implements AnalysisRequest {
    /** The t approximation has n - 2 degrees of freedom, so three pairs are the least that can be tested. */
    public static final int MIN_SIZE = 3;

    public Correlation {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.CORRELATION;
    }

    /** A sample of about {@code n} values (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        sample.set("x", values.normals(n / 2, 0));
        sample.set("y", values.normals(n / 2, 0));
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] x = fields.numbers("x", MIN_SIZE);
        double[] y = fields.numbers("y", MIN_SIZE);
        if (x != null && y != null) {
            fields.sameLength("y", y.length, "x", x.length);
        }
        CorrelationMethod method = fields.choice("method", CorrelationMethod.class, CorrelationMethod.PEARSON);
        return fields.build(() -> new Correlation(x, y, method));
    }
}
