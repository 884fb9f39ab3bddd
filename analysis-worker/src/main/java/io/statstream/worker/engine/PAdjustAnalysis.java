package io.statstream.worker.engine;

import io.statstream.model.request.PAdjust;
import io.statstream.model.result.PAdjustResult;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * R's {@code p.adjust}, step for step: each method walks the p-values in order (ties in their
 * input order, as R's stable {@code order}), takes a running maximum or minimum, caps at 1, and
 * answers in input order. With two p-values R's Hommel is Hochberg, and so is ours.
 */
final class PAdjustAnalysis implements Analysis<PAdjust> {
    @Override
    public PAdjustResult compute(PAdjust request) {
        double[] p = request.pValues();
        int n = p.length;
        if (n == 1) {
            return new PAdjustResult(p.clone());
        }
        return new PAdjustResult(switch (request.method()) {
            case BONFERRONI -> Arrays.stream(p).map(value -> Math.min(1, n * value)).toArray();
            case HOLM -> holm(p);
            case HOCHBERG -> stepUp(p, (rank, count) -> count + 1 - rank);
            case HOMMEL -> n == 2 ? stepUp(p, (rank, count) -> count + 1 - rank) : hommel(p);
            case BH -> stepUp(p, (rank, count) -> (double) count / rank);
            case BY -> {
                double harmonic = 0;
                for (int i = 1; i <= n; i++) {
                    harmonic += 1.0 / i;
                }
                double q = harmonic;
                yield stepUp(p, (rank, count) -> q * count / rank);
            }
        });
    }

    /** Multiplies the p-value of rank {@code rank} (1 is the smallest) of {@code count}. */
    private interface Factor {
        double of(int rank, int count);
    }

    /** Holm: from the smallest up, (n + 1 − i) p, a running maximum. */
    private static double[] holm(double[] p) {
        int n = p.length;
        Integer[] order = order(p, Comparator.naturalOrder());
        double[] adjusted = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            running = Math.max(running, (n - i) * p[order[i]]);
            adjusted[order[i]] = Math.min(1, running);
        }
        return adjusted;
    }

    /** Hochberg, BH, BY: from the largest down, factor × p, a running minimum. */
    private static double[] stepUp(double[] p, Factor factor) {
        int n = p.length;
        Integer[] order = order(p, Comparator.reverseOrder());
        double[] adjusted = new double[n];
        double running = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int rank = n - i;
            running = Math.min(running, factor.of(rank, n) * p[order[i]]);
            adjusted[order[i]] = Math.min(1, running);
        }
        return adjusted;
    }

    /** Hommel, as R's loop over m = n − 1 … 2 on the sorted p-values (quadratic, hence the request's bound). */
    private static double[] hommel(double[] raw) {
        int n = raw.length;
        Integer[] order = order(raw, Comparator.naturalOrder());
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = raw[order[i]];
        }
        double start = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            start = Math.min(start, n * p[i] / (i + 1));
        }
        double[] q = new double[n];
        double[] pa = new double[n];
        Arrays.fill(q, start);
        Arrays.fill(pa, start);
        for (int m = n - 1; m >= 2; m--) {
            int first = n - m + 1; // i1 = 1..n-m+1, i2 = n-m+2..n (R's 1-based indices)
            double q1 = Double.POSITIVE_INFINITY;
            for (int i = first + 1, k = 2; i <= n; i++, k++) {
                q1 = Math.min(q1, m * p[i - 1] / k);
            }
            for (int i = 1; i <= first; i++) {
                q[i - 1] = Math.min(m * p[i - 1], q1);
            }
            for (int i = first + 1; i <= n; i++) {
                q[i - 1] = q[first - 1];
            }
            for (int i = 0; i < n; i++) {
                pa[i] = Math.max(pa[i], q[i]);
            }
        }
        double[] adjusted = new double[n];
        for (int i = 0; i < n; i++) {
            adjusted[order[i]] = Math.max(pa[i], p[i]);
        }
        return adjusted;
    }

    /** Indices sorted by their p-value, ties kept in input order (a stable sort, as R's order()). */
    private static Integer[] order(double[] p, Comparator<Double> direction) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> p[i], direction));
        return order;
    }
}
