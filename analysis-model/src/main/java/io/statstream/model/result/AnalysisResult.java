package io.statstream.model.result;

/** The numbers an analysis produced; which record depends on the analysis type. */
public sealed interface AnalysisResult
        permits TTestResult, IndependentTTestResult, AnovaResult, RegressionResult, CorrelationResult,
        ChiSquareResult, MannWhitneyResult, DescriptiveResult {
}
