package io.statstream.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.statstream.model.request.ProportionsTest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.PowerTTest;
import io.statstream.model.request.RequestFields;
import io.statstream.model.request.SampleValues;
import io.statstream.model.request.ShapiroWilk;
import io.statstream.model.request.TukeyHsd;
import io.statstream.model.request.WilcoxonSignedRank;
import io.statstream.model.result.AnalysisResult;
import io.statstream.model.result.AnovaResult;
import io.statstream.model.result.ChiSquareResult;
import io.statstream.model.result.CorrelationResult;
import io.statstream.model.result.DescriptiveResult;
import io.statstream.model.result.FisherExactResult;
import io.statstream.model.result.IndependentTTestResult;
import io.statstream.model.result.KruskalWallisResult;
import io.statstream.model.result.LeveneResult;
import io.statstream.model.result.LogisticRegressionResult;
import io.statstream.model.result.MannWhitneyResult;
import io.statstream.model.result.PAdjustResult;
import io.statstream.model.result.PowerTTestResult;
import io.statstream.model.result.ProportionsTestResult;
import io.statstream.model.result.RegressionResult;
import io.statstream.model.result.ShapiroWilkResult;
import io.statstream.model.result.TTestResult;
import io.statstream.model.result.TukeyHsdResult;
import io.statstream.model.result.WilcoxonSignedRankResult;

/**
 * The kinds of analysis statstream computes: each constant is an analysis's one registration in
 * the contract, naming it on the wire, how its request is read (and validated), which record its
 * result is, and how sample requests of it are made. The engine registers how it is computed
 * ({@code Engine}); every test that iterates the types fails for one registered in only one place.
 */
public enum AnalysisType implements WireEnum {
    TTEST_ONE_SAMPLE("ttest_one_sample", OneSampleTTest::read, TTestResult.class, OneSampleTTest::sample),
    TTEST_INDEPENDENT("ttest_independent", IndependentTTest::read, IndependentTTestResult.class, IndependentTTest::sample),
    TTEST_PAIRED("ttest_paired", PairedTTest::read, TTestResult.class, PairedTTest::sample),
    ANOVA_ONEWAY("anova_oneway", OneWayAnova::read, AnovaResult.class, OneWayAnova::sample),
    REGRESSION_OLS("regression_ols", OlsRegression::read, RegressionResult.class, OlsRegression::sample),
    CORRELATION("correlation", Correlation::read, CorrelationResult.class, Correlation::sample),
    CHI_SQUARE_INDEPENDENCE("chi_square_independence", ChiSquareIndependence::read, ChiSquareResult.class, ChiSquareIndependence::sample),
    MANN_WHITNEY("mann_whitney", MannWhitney::read, MannWhitneyResult.class, MannWhitney::sample),
    DESCRIPTIVE("descriptive", Descriptive::read, DescriptiveResult.class, Descriptive::sample),
    WILCOXON_SIGNED_RANK("wilcoxon_signed_rank", WilcoxonSignedRank::read, WilcoxonSignedRankResult.class, WilcoxonSignedRank::sample),
    KRUSKAL_WALLIS("kruskal_wallis", KruskalWallis::read, KruskalWallisResult.class, KruskalWallis::sample),
    LEVENE("levene", Levene::read, LeveneResult.class, Levene::sample),
    PROPORTIONS_TEST("proportions_test", ProportionsTest::read, ProportionsTestResult.class, ProportionsTest::sample),
    P_ADJUST("p_adjust", PAdjust::read, PAdjustResult.class, PAdjust::sample),
    FISHER_EXACT("fisher_exact", FisherExact::read, FisherExactResult.class, FisherExact::sample),
    LOGISTIC_REGRESSION("logistic_regression", LogisticRegression::read, LogisticRegressionResult.class, LogisticRegression::sample),
    SHAPIRO_WILK("shapiro_wilk", ShapiroWilk::read, ShapiroWilkResult.class, ShapiroWilk::sample),
    POWER_TTEST("power_ttest", PowerTTest::read, PowerTTestResult.class, PowerTTest::sample),
    TUKEY_HSD("tukey_hsd", TukeyHsd::read, TukeyHsdResult.class, TukeyHsd::sample);

    /** Reads a request of one type from its fields, collecting every violation. */
    @FunctionalInterface
    public interface Reader {
        ParsedRequest read(RequestFields fields);
    }

    /** Makes the fields of a sample request of one type, of about {@code n} values. */
    @FunctionalInterface
    public interface Sampler {
        ObjectNode sample(SampleValues values, int n);
    }

    private final String wireName;
    private final Reader reader;
    private final Class<? extends AnalysisResult> resultClass;
    private final Sampler sampler;

    AnalysisType(String wireName, Reader reader, Class<? extends AnalysisResult> resultClass, Sampler sampler) {
        this.wireName = wireName;
        this.reader = reader;
        this.resultClass = resultClass;
        this.sampler = sampler;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Reads a request of this type; {@code RequestParser} is the one caller. */
    public ParsedRequest read(RequestFields fields) {
        return reader.read(fields);
    }

    /** The record this type's results are read into. */
    public Class<? extends AnalysisResult> resultClass() {
        return resultClass;
    }

    /** A sample request of this type, as JSON, of about {@code n} values drawn from {@code seed}. */
    public ObjectNode sample(int n, long seed) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("type", wireName);
        request.setAll(sampler.sample(SampleValues.seeded(seed), n));
        return request;
    }
}
