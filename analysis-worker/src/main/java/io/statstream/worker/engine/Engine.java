package io.statstream.worker.engine;

import io.statstream.model.AnalysisType;
import io.statstream.model.EngineVersion;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ChiSquareIndependence;
import io.statstream.model.request.Correlation;
import io.statstream.model.request.Descriptive;
import io.statstream.model.request.IndependentTTest;
import io.statstream.model.request.MannWhitney;
import io.statstream.model.request.OlsRegression;
import io.statstream.model.request.OneSampleTTest;
import io.statstream.model.request.OneWayAnova;
import io.statstream.model.request.PairedTTest;
import io.statstream.model.result.AnalysisFailure;
import io.statstream.model.result.AnalysisResult;
import io.statstream.model.result.ResultEnvelope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The statistics engine: computes a valid request and wraps the outcome in a result envelope.
 * Pure apart from reading the clock for {@code computed_at} and the compute time.
 */
public final class Engine {
    private static final OneSampleTTestAnalysis ONE_SAMPLE_T = new OneSampleTTestAnalysis();
    private static final IndependentTTestAnalysis INDEPENDENT_T = new IndependentTTestAnalysis();
    private static final PairedTTestAnalysis PAIRED_T = new PairedTTestAnalysis();
    private static final OneWayAnovaAnalysis ANOVA = new OneWayAnovaAnalysis();
    private static final OlsRegressionAnalysis REGRESSION = new OlsRegressionAnalysis();
    private static final CorrelationAnalysis CORRELATION = new CorrelationAnalysis();
    private static final ChiSquareIndependenceAnalysis CHI_SQUARE = new ChiSquareIndependenceAnalysis();
    private static final MannWhitneyAnalysis MANN_WHITNEY = new MannWhitneyAnalysis();
    private static final DescriptiveAnalysis DESCRIPTIVE = new DescriptiveAnalysis();

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
     * The registry from type to analysis. A switch over the enum, so a new type does not compile
     * until it is registered here; the casts are safe because each record has one fixed type.
     *
     * @throws AnalysisFailure when the data leave the result undefined
     */
    public static AnalysisResult compute(AnalysisRequest request) {
        return switch (request.type()) {
            case TTEST_ONE_SAMPLE -> ONE_SAMPLE_T.compute((OneSampleTTest) request);
            case TTEST_INDEPENDENT -> INDEPENDENT_T.compute((IndependentTTest) request);
            case TTEST_PAIRED -> PAIRED_T.compute((PairedTTest) request);
            case ANOVA_ONEWAY -> ANOVA.compute((OneWayAnova) request);
            case REGRESSION_OLS -> REGRESSION.compute((OlsRegression) request);
            case CORRELATION -> CORRELATION.compute((Correlation) request);
            case CHI_SQUARE_INDEPENDENCE -> CHI_SQUARE.compute((ChiSquareIndependence) request);
            case MANN_WHITNEY -> MANN_WHITNEY.compute((MannWhitney) request);
            case DESCRIPTIVE -> DESCRIPTIVE.compute((Descriptive) request);
        };
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000;
    }
}
