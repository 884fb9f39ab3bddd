package io.statstream.worker.engine;

import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ChiSquareIndependence;
import io.statstream.model.request.Correlation;
import io.statstream.model.request.Descriptive;
import io.statstream.model.request.FisherExact;
import io.statstream.model.request.IndependentTTest;
import io.statstream.model.request.KruskalWallis;
import io.statstream.model.request.Levene;
import io.statstream.model.request.LogisticRegression;
import io.statstream.model.request.MannWhitney;
import io.statstream.model.request.OlsRegression;
import io.statstream.model.request.OneSampleTTest;
import io.statstream.model.request.OneWayAnova;
import io.statstream.model.request.PAdjust;
import io.statstream.model.request.PairedTTest;
import io.statstream.model.request.PowerTTest;
import io.statstream.model.request.ShapiroWilk;
import io.statstream.model.request.ProportionsTest;
import io.statstream.model.request.TukeyHsd;
import io.statstream.model.request.WilcoxonSignedRank;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.AnalysisResult;
import io.statstream.model.result.ResultEnvelope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The statistics engine: computes a valid request and wraps the outcome in a result envelope.
 * Pure apart from reading the clock for {@code computed_at} and the compute time.
 */
public final class Engine {
    /**
     * How each type is computed: an analysis's one registration in the engine (its contract is
     * its {@link AnalysisType} constant). A type without one stops the engine at start-up.
     */
    private static final Map<AnalysisType, Function<AnalysisRequest, AnalysisResult>> ANALYSES = registry(
            analysis(AnalysisType.TTEST_ONE_SAMPLE, OneSampleTTest.class, new OneSampleTTestAnalysis()),
            analysis(AnalysisType.TTEST_INDEPENDENT, IndependentTTest.class, new IndependentTTestAnalysis()),
            analysis(AnalysisType.TTEST_PAIRED, PairedTTest.class, new PairedTTestAnalysis()),
            analysis(AnalysisType.ANOVA_ONEWAY, OneWayAnova.class, new OneWayAnovaAnalysis()),
            analysis(AnalysisType.REGRESSION_OLS, OlsRegression.class, new OlsRegressionAnalysis()),
            analysis(AnalysisType.CORRELATION, Correlation.class, new CorrelationAnalysis()),
            analysis(AnalysisType.CHI_SQUARE_INDEPENDENCE, ChiSquareIndependence.class, new ChiSquareIndependenceAnalysis()),
            analysis(AnalysisType.MANN_WHITNEY, MannWhitney.class, new MannWhitneyAnalysis()),
            analysis(AnalysisType.DESCRIPTIVE, Descriptive.class, new DescriptiveAnalysis()),
            analysis(AnalysisType.WILCOXON_SIGNED_RANK, WilcoxonSignedRank.class, new WilcoxonSignedRankAnalysis()),
            analysis(AnalysisType.KRUSKAL_WALLIS, KruskalWallis.class, new KruskalWallisAnalysis()),
            analysis(AnalysisType.LEVENE, Levene.class, new LeveneAnalysis()),
            analysis(AnalysisType.PROPORTIONS_TEST, ProportionsTest.class, new ProportionsTestAnalysis()),
            analysis(AnalysisType.P_ADJUST, PAdjust.class, new PAdjustAnalysis()),
            analysis(AnalysisType.FISHER_EXACT, FisherExact.class, new FisherExactAnalysis()),
            analysis(AnalysisType.LOGISTIC_REGRESSION, LogisticRegression.class, new LogisticRegressionAnalysis()),
            analysis(AnalysisType.SHAPIRO_WILK, ShapiroWilk.class, new ShapiroWilkAnalysis()),
            analysis(AnalysisType.POWER_TTEST, PowerTTest.class, new PowerTTestAnalysis()),
            analysis(AnalysisType.TUKEY_HSD, TukeyHsd.class, new TukeyHsdAnalysis()));

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Clock clock;

    public Engine(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ResultEnvelope run(ContentKey key, AnalysisRequest request) {
        long started = System.nanoTime();
        try {
            AnalysisResult result = compute(request);
            return ResultEnvelope.done(key, request.type(), result, EngineVersion.CURRENT, clock.instant(), micros(started));
        } catch (AnalysisFailure failure) {
            return ResultEnvelope.failed(key, request.type(), failure.getMessage(), EngineVersion.CURRENT,
                    clock.instant(), micros(started));
        } catch (RuntimeException bug) {
            // A defect, not the data: still an answer for the client, who was told "accepted". The
            // key is marked in flight already, so without an envelope it would have none at all.
            LOG.error("Engine failed on {} ({}); answering with a failed result", key, request.type(), bug);
            return ResultEnvelope.failed(key, request.type(), "internal error in the engine: " + bug.getClass().getSimpleName(),
                    EngineVersion.CURRENT, clock.instant(), micros(started));
        }
    }

    /**
     * A failed result for a key the worker did not compute although a client may hold it (the
     * API and the worker disagree on a limit or an engine version during a rollout, the record did
     * not come from the API, a defect): every key a client was told "accepted" ends done or failed.
     *
     * @param type the type the record named, if it named one the worker knows
     */
    public ResultEnvelope refuse(ContentKey key, Optional<AnalysisType> type, String reason) {
        return ResultEnvelope.failed(key, type.orElse(null), reason, EngineVersion.CURRENT, clock.instant(), 0);
    }

    /**
     * The numbers of a valid request.
     *
     * @throws AnalysisFailure when the data leave the result undefined
     */
    public static AnalysisResult compute(AnalysisRequest request) {
        return ANALYSES.get(request.type()).apply(request);
    }

    /** A type's analysis, typed by its request record: the cast is checked, once, here. */
    private static <Q extends AnalysisRequest> Map.Entry<AnalysisType, Function<AnalysisRequest, AnalysisResult>> analysis(
            AnalysisType type, Class<Q> request, Analysis<Q> analysis) {
        return Map.entry(type, any -> analysis.compute(request.cast(any)));
    }

    @SafeVarargs
    private static Map<AnalysisType, Function<AnalysisRequest, AnalysisResult>> registry(
            Map.Entry<AnalysisType, Function<AnalysisRequest, AnalysisResult>>... analyses) {
        Map<AnalysisType, Function<AnalysisRequest, AnalysisResult>> registry = new EnumMap<>(AnalysisType.class);
        for (Map.Entry<AnalysisType, Function<AnalysisRequest, AnalysisResult>> analysis : analyses) {
            if (registry.put(analysis.getKey(), analysis.getValue()) != null) {
                throw new IllegalStateException(analysis.getKey() + " is registered twice");
            }
        }
        Set<AnalysisType> missing = EnumSet.complementOf(EnumSet.copyOf(registry.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no analysis registered for " + missing + ": add it to Engine.ANALYSES");
        }
        return registry;
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000;
    }
}
