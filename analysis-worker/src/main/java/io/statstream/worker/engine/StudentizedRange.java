package io.statstream.worker.engine;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Gamma;

/**
 * The studentized range distribution (Commons Math has none): the range of {@code k} standard
 * normals divided by an independent sqrt(χ²_ν / ν). Its CDF is a double integral,
 * P(Q ≤ q) = ∫ g_ν(s) W(q s) ds with W(w) = k ∫ φ(z) [Φ(z + w) − Φ(z)]^(k−1) dz, computed here
 * by composite 20-point Gauss-Legendre rules on ranges outside which the integrands are below
 * 1e-17. Both integrands are analytic, so a few pieces suffice: the SciPy fixtures hold at 1e-9
 * with four pieces in z and five in s; five and six leave a margin. (R's {@code ptukey} uses
 * coarser rules: off by up to 3e-3 at 2 or 3 degrees of freedom.) Quantiles are remembered per
 * (k, df, probability): a bulk of comparisons asks the same few.
 */
final class StudentizedRange {
    private static final int POINTS = 20;
    private static final double Z_LIMIT = 8.5;
    private static final int Z_PIECES = 5;
    private static final int S_PIECES = 6;
    private static final double[] Z_NODES;
    private static final double[] Z_WEIGHTS; // Gauss weight × φ(z)
    private static final double[] Z_CDF;     // Φ(z)
    /**
     * The 20-point Gauss-Legendre rule on [-1, 1], computed once: each piece is this rule moved
     * and scaled (computing a rule per piece and per distribution took a fifth of Tukey's HSD).
     */
    private static final double[] UNIT_NODES = new double[POINTS];
    private static final double[] UNIT_WEIGHTS = new double[POINTS];

    static {
        GaussIntegrator unit = new GaussIntegratorFactory().legendre(POINTS);
        for (int i = 0; i < POINTS; i++) {
            UNIT_NODES[i] = unit.getPoint(i);
            UNIT_WEIGHTS[i] = unit.getWeight(i);
        }
        Z_NODES = new double[Z_PIECES * POINTS];
        Z_WEIGHTS = new double[Z_NODES.length];
        Z_CDF = new double[Z_NODES.length];
        double width = 2 * Z_LIMIT / Z_PIECES;
        for (int piece = 0; piece < Z_PIECES; piece++) {
            double from = -Z_LIMIT + piece * width;
            for (int i = 0; i < POINTS; i++) {
                int at = piece * POINTS + i;
                Z_NODES[at] = node(from, width, i);
                Z_WEIGHTS[at] = weight(width, i) * Math.exp(-0.5 * Z_NODES[at] * Z_NODES[at]) / Math.sqrt(2 * Math.PI);
                Z_CDF[at] = Tails.normalUpper(-Z_NODES[at]);
            }
        }
    }

    /** The rule's i-th node on [from, from + width]. */
    private static double node(double from, double width, int i) {
        return from + 0.5 * width * (UNIT_NODES[i] + 1);
    }

    /** The rule's i-th weight on a piece of this width. */
    private static double weight(double width, int i) {
        return 0.5 * width * UNIT_WEIGHTS[i];
    }

    private record Quantile(int k, double df, double probability) {
    }

    private static final Cache<Quantile, Double> QUANTILES = Memo.bounded(10_000);

    private final int k;
    private final double df;
    private final double[] sNodes;
    private final double[] sWeights; // Gauss weight × density of s

    /** The distribution for {@code k} means and {@code df} degrees of freedom. */
    StudentizedRange(int k, double df) {
        this.k = k;
        this.df = df;
        // s = sqrt(χ²_ν / ν): integrate where its density is not negligible.
        double low = Math.sqrt(chiSquareBound(df, false) / df);
        double high = Math.sqrt(chiSquareBound(df, true) / df);
        sNodes = new double[S_PIECES * POINTS];
        sWeights = new double[sNodes.length];
        double width = (high - low) / S_PIECES;
        double logNormalizer = 0.5 * df * Math.log(df) - Gamma.logGamma(0.5 * df) - (0.5 * df - 1) * Math.log(2);
        for (int piece = 0; piece < S_PIECES; piece++) {
            double from = low + piece * width;
            for (int i = 0; i < POINTS; i++) {
                int at = piece * POINTS + i;
                double s = node(from, width, i);
                sNodes[at] = s;
                sWeights[at] = weight(width, i) * Math.exp(logNormalizer + (df - 1) * Math.log(s) - 0.5 * df * s * s);
            }
        }
    }

    /** P(Q > q). */
    double upper(double q) {
        return Math.max(0, 1 - cdf(q));
    }

    /** The q with P(Q ≤ q) = {@code probability}, remembered. */
    double quantile(double probability) {
        return QUANTILES.get(new Quantile(k, df, probability), key -> solveQuantile(probability));
    }

    private double solveQuantile(double probability) {
        double high = 8;
        while (cdf(high) < probability) {
            high *= 2;
        }
        return new BrentSolver(1e-14, 1e-14).solve(1_000, q -> cdf(q) - probability, 0, high);
    }

    double cdf(double q) {
        if (q <= 0) {
            return 0;
        }
        double p = 0;
        for (int j = 0; j < sNodes.length; j++) {
            p += sWeights[j] * rangeCdf(q * sNodes[j]);
        }
        return Math.min(1, p);
    }

    /** W(w): the probability that the range of k standard normals is below w. */
    private double rangeCdf(double w) {
        double sum = 0;
        for (int i = 0; i < Z_NODES.length; i++) {
            double inside = Tails.normalUpper(-(Z_NODES[i] + w)) - Z_CDF[i];
            sum += Z_WEIGHTS[i] * Math.pow(inside, k - 1);
        }
        return Math.min(1, k * sum);
    }


    /** A χ²_ν value beyond which (upper) or below which (lower) the probability is under 1e-17. */
    private static double chiSquareBound(double df, boolean upper) {
        double x = df;
        if (upper) {
            while (Gamma.regularizedGammaQ(0.5 * df, 0.5 * x) > 1e-17) {
                x *= 1.5;
                x += 10;
            }
            return x;
        }
        while (x > 1e-300 && Gamma.regularizedGammaP(0.5 * df, 0.5 * x) > 1e-17) {
            x /= 1.5;
        }
        return x;
    }
}
