package io.statstream.worker.engine;

import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.result.AnalysisResult;

/**
 * One kind of analysis: a pure function from a valid request to its numbers. It does no I/O and
 * keeps no state. Data that leave the statistic undefined (constant samples, collinear predictors)
 * raise {@link io.statstream.model.result.AnalysisFailure} with a reason for the client.
 */
interface Analysis<Q extends AnalysisRequest> {
    AnalysisResult compute(Q request);
}
