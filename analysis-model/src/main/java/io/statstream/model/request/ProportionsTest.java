package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.Alternative;
import io.statstream.model.AnalysisType;

import java.util.Objects;

/** Two proportions, {@code successes[i]} of {@code trials[i]}: do they differ? */
public record ProportionsTest(double[] successes, double[] trials, Alternative alternative, double confidence)
        implements AnalysisRequest {
    public static final int GROUPS = 2;

    public ProportionsTest {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(trials, "trials");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.PROPORTIONS_TEST;
    }

    /** A sample of about {@code n} trials (without its type), for tests and benchmarks. */
    public static ObjectNode sample(SampleValues values, int n) {
        ObjectNode sample = values.object();
        int trials = Math.max(2, n / 2);
        ArrayNode successes = sample.putArray("successes");
        successes.add(1 + values.below(trials - 1));
        successes.add(1 + values.below(trials - 1));
        sample.putArray("trials").add(trials).add(trials);
        return sample;
    }

    public static ParsedRequest read(RequestFields fields) {
        double[] successes = fields.numbers("successes", GROUPS);
        double[] trials = fields.numbers("trials", GROUPS);
        if (successes != null) {
            fields.exactly("successes", successes.length, GROUPS);
            fields.wholeNumbers("successes", successes, 0);
        }
        if (trials != null) {
            fields.exactly("trials", trials.length, GROUPS);
            fields.wholeNumbers("trials", trials, 1);
        }
        fields.notAbove("successes", successes, "trials", trials);
        Alternative alternative = fields.choice("alternative", Alternative.class, Alternative.TWO_SIDED);
        double confidence = fields.openUnitInterval("confidence", TTests.DEFAULT_CONFIDENCE);
        return fields.build(() -> new ProportionsTest(successes, trials, alternative, confidence));
    }
}
