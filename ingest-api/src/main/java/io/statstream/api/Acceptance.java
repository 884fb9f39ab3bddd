package io.statstream.api;

import io.statstream.model.key.ContentKey;
import io.statstream.store.PendingMarks;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.concurrent.CompletionException;

/** What follows a publish, for single and batch submissions alike: the pending mark, or the refusal. */
final class Acceptance {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptance.class);

    private Acceptance() {
    }

    /**
     * The broker has the requests: marks them pending, and completes once the store answered, so
     * that a GET right after the 202 finds the mark (one pipelined command for a whole chunk).
     * Never fails: the requests are accepted whatever the store says, and a store that does not
     * answer now would not answer that GET either.
     */
    static Future<Void> markPending(Context context, PendingMarks pending, Collection<ContentKey> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture();
        }
        return Future.fromCompletionStage(pending.markPending(keys), context)
                .recover(e -> {
                    LOG.warn("Accepted {} requests but could not mark them pending: {}", keys.size(), e.toString());
                    return Future.succeededFuture();
                });
    }

    /**
     * Why the broker did not take a request, as the client should hear it: what happened and what
     * to do, never the client library's own text. That goes to the log, once per call, under an
     * incident id the answer carries, so an operator can find it.
     */
    static ApiException refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RecordTooLargeException) {
            return new ApiException(ApiError.PAYLOAD_TOO_LARGE, "the request is larger than the topic accepts", cause);
        }
        String incident = Incidents.next();
        LOG.warn("Incident {}: the broker did not acknowledge: {}", incident, cause.toString());
        return new ApiException(ApiError.BROKER_UNAVAILABLE, "not acknowledged by the broker: send it again (incident "
                + incident + ")", cause);
    }
}
