package io.statstream.model.result;

/**
 * The numbers an analysis produced; which record is {@link io.statstream.model.AnalysisType#resultClass()}
 * (not sealed for the same reason as the requests: the types list them).
 */
public interface AnalysisResult {
}
