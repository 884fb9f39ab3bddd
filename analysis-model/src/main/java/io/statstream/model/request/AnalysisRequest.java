package io.statstream.model.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.statstream.model.AnalysisType;

/**
 * A valid request for one analysis. Instances come from {@link RequestParser}, which has already
 * checked every field, so code that receives one never validates again.
 *
 * <p>Arrays are not copied: treat them as immutable. Compare requests by their
 * {@link io.statstream.model.key.CanonicalForm}, not by {@code equals}.
 *
 * <p>Not sealed: the list of requests is {@link AnalysisType}, one constant per analysis, so that
 * adding one touches one line of the contract rather than every list of them.
 */
public interface AnalysisRequest {

    @JsonProperty(RequestParser.TYPE_FIELD)
    AnalysisType type();
}
