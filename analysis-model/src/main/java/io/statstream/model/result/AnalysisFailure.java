package io.statstream.model.result;

/**
 * A reason found in the data why an analysis has no result (constant data, a singular design
 * matrix). It is an answer, not a fault: the engine turns it into a {@code failed} result whose
 * error is this message, so write the message for the client.
 */
public final class AnalysisFailure extends RuntimeException {
    public AnalysisFailure(String reason) {
        super(reason, null, false, false); // an expected outcome: no stack trace to fill in
    }
}
