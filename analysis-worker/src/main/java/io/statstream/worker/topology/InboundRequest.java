package io.statstream.worker.topology;

import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;

import java.util.Optional;

/** A record of analysis-requests once read: a valid request under its verified key, or a reason to dead-letter it. */
sealed interface InboundRequest permits InboundRequest.Accepted, InboundRequest.Rejected {

    /**
     * @param refresh compute even if a result is stored: it is about to expire
     * @param client  the name of the client it was published for, as the API said ("" when it did not)
     */
    record Accepted(ContentKey key, AnalysisRequest request, boolean refresh, String client) implements InboundRequest {
    }

    /**
     * @param original the record's value exactly as it arrived, for the dead-letter topic
     * @param key      the record's key when it is a content key: a client may be waiting on it
     */
    record Rejected(String reason, byte[] original, Optional<ContentKey> key) implements InboundRequest {
    }
}
