package io.statstream.benchmarks;

import io.statstream.model.AnalysisType;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;

/** The contract's sample requests ({@link AnalysisType#sample}) read through the real parser, as a client's would be. */
final class SampleRequests {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);

    private SampleRequests() {
    }

    static AnalysisRequest request(AnalysisType type, int n, long seed) {
        ParsedRequest parsed = PARSER.parse(type.sample(n, seed));
        if (parsed instanceof ParsedRequest.Valid valid) {
            return valid.request();
        }
        throw new IllegalStateException("sample request is invalid: " + parsed);
    }
}
