package io.statstream.worker.engine;

import io.statstream.model.Alternative;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * Tail probabilities, each computed from the tail that is small, so a p-value of 1e-20 keeps its
 * digits instead of vanishing into {@code 1 - 0.99999...}.
 */
final class Tails {
    /** No random generator: only its quantiles are used. */
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Tails() {
    }

    /** P(T &lt;= t) for Student's t with {@code df} degrees of freedom. */
    static double studentLower(double t, double df) {
        if (t > 0) {
            return 1 - studentLower(-t, df);
        }
        return 0.5 * Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** The p-value of a t statistic under the given alternative. */
    static double studentP(double t, double df, Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1, 2 * studentLower(-Math.abs(t), df));
            case LESS -> studentLower(t, df);
            case GREATER -> studentLower(-t, df);
        };
    }

    /** P(F &gt;= f) for Fisher's F with {@code d1} and {@code d2} degrees of freedom. */
    static double fisherUpper(double f, double d1, double d2) {
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** P(X &gt;= x) for chi-square with {@code df} degrees of freedom. */
    static double chiSquareUpper(double x, double df) {
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(Z &gt;= z) for the standard normal (Commons Numbers' erfc: Tukey's HSD asks ~12,000 per p-value). */
    static double normalUpper(double z) {
        return 0.5 * Erfc.value(z / Math.sqrt(2));
    }

    /** The z with P(Z &lt;= z) = {@code p}, for the standard normal (the quantile, beside the tails). */
    static double normalQuantile(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }
}
