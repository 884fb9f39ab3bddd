package io.statstream.model.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.SplittableRandom;

/**
 * Values for sample requests, from a fixed seed: what each request type builds its samples from
 * (the tests, the benchmarks and the reference checks all send these).
 */
public final class SampleValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SplittableRandom random;

    private SampleValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static SampleValues seeded(long seed) {
        return new SampleValues(seed);
    }

    ObjectNode object() {
        return JSON.objectNode();
    }

    ArrayNode array() {
        return JSON.arrayNode();
    }

    /** {@code count} draws from a normal distribution of the given mean and unit variance. */
    ArrayNode normals(int count, double mean) {
        ArrayNode values = JSON.arrayNode(count);
        for (int i = 0; i < count; i++) {
            values.add(mean + gaussian());
        }
        return values;
    }

    /** Two samples {@code a} and {@code b} of {@code n / 2} values each, centred at 10 and {@code bMean}: the two-sample tests' samples. */
    ObjectNode twoSamples(int n, double bMean) {
        ObjectNode sample = object();
        sample.set("a", normals(n / 2, 10));
        sample.set("b", normals(n / 2, bMean));
        return sample;
    }

    /** Three groups of about {@code n / 3} values each, group g centred at {@code g * step}: the samples of the group analyses. */
    ArrayNode threeGroups(int n, double step) {
        ArrayNode groups = JSON.arrayNode(3);
        for (int g = 0; g < 3; g++) {
            groups.add(normals(n / 3, g * step));
        }
        return groups;
    }

    /** A whole number from 0 to {@code bound} − 1. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
    private double gaussian() {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
