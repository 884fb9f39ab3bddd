package io.statstream.model.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.statstream.model.AnalysisType;

/**
 * A valid request for one analysis. Instances come from {@link RequestParser}, which has already
 * checked every field, so code that receives one never validates again.
 *
 * <p>Arrays are not copied: treat them as immutable. Compare requests by their
 * {@link io.statstream.model.key.CanonicalForm}, not by {@code equals}.
 */
public sealed interface AnalysisRequest
        permits OneSampleTTest, IndependentTTest, PairedTTest, OneWayAnova, OlsRegression, Correlation,
        ChiSquareIndependence, MannWhitney, Descriptive {

    @JsonProperty(RequestParser.TYPE_FIELD)
    AnalysisType type();
}
