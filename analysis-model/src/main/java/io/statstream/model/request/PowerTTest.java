package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statstream.model.AnalysisType;
import io.statstream.model.Sides;
import io.statstream.model.TTestDesign;

import java.util.Objects;

/**
 * The power of a t-test, or the sample size for a power: exactly one of {@code n} (per group) and
 * {@code power} is absent, and is solved for.
 */
public record PowerTTest(Double n, Double power, double delta, double sd, double sigLevel, TTestDesign test,
                         Sides alternative) implements AnalysisRequest {
    public static final double MIN_N = 2;

    public PowerTTest {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(alternative, "alternative");
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.POWER_TTEST;
    }

    /** A sample (without its type): the power of a two-sample test of about {@code n} per group. */
    public static ObjectNode sample(SampleValues values, int n) {
        return values.object().put("n", Math.max(MIN_N, n / 2 + values.below(10))).put("delta", 0.2 + values.below(80) / 100.0);
    }

    public static ParsedRequest read(RequestFields fields) {
        Double n = fields.optionalNumber("n");
        Double power = fields.optionalNumber("power");
        fields.exactlyOneAbsent("n", n, "power", power);
        fields.notBelow("n", n, MIN_N, "(below it R's answer rests on degrees of freedom clamped to 1e-7)");
        fields.openUnitInterval("power", power);
        Double delta = fields.requiredNumber("delta");
        fields.above("delta", delta, 0);
        double sd = fields.number("sd", 1);
        fields.above("sd", sd, 0);
        double sigLevel = fields.openUnitInterval("sig_level", 0.05);
        TTestDesign test = fields.choice("test", TTestDesign.class, TTestDesign.TWO_SAMPLE);
        Sides alternative = fields.choice("alternative", Sides.class, Sides.TWO_SIDED);
        return fields.build(() -> new PowerTTest(n, power, delta, sd, sigLevel, test, alternative));
    }
}
