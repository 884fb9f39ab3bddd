package io.statstream.api;

import io.statstream.model.key.ContentKey;
import io.statstream.store.ResultStore;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.concurrent.CompletionException;

/** What follows a publish, for single and batch submissions alike. */
final class Acknowledgements {
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private Acknowledgements() {
    }

    /** The broker has the requests: mark them pending for pollers. Best effort: a lost mark only means 404 until the result. */
    static void accepted(ResultStore store, Collection<ContentKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        store.markPending(keys).exceptionally(e -> {
            LOG.warn("Accepted {} requests but could not mark them pending: {}", keys.size(), e.toString());
            return null;
        });
    }

    /** Why the broker did not take a request, as the client should hear it. */
    static ApiException refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RecordTooLargeException) {
            return new ApiException(ApiError.PAYLOAD_TOO_LARGE, "the request is larger than the topic accepts: " + cause.getMessage(), cause);
        }
        return new ApiException(ApiError.BROKER_UNAVAILABLE, "not acknowledged by the broker: " + cause, cause);
    }
}
