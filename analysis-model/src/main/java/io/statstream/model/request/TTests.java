package io.statstream.model.request;

/** Defaults shared by the t-tests. */
final class TTests {
    static final double DEFAULT_CONFIDENCE = 0.95;

    private TTests() {
    }
}
