package io.statstream.api;

import io.statstream.model.key.ContentKey;
import io.statstream.store.PendingMarks;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** What goes with a publish, for single and batch submissions alike: the pending mark, or the refusal. */
final class Acceptance {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptance.class);

    private Acceptance() {
    }

    /**
     * Publishes one submission and marks its key pending at the same time, and completes once both
     * have answered, so that a GET right after the 202 finds the mark. The mark does not wait for
     * the broker's acknowledgement: after it, the mark was one more Redis round trip in every miss. A
     * request the broker refuses has its mark withdrawn before the refusal is answered. Withdrawing
     * may also remove the mark of the same request accepted from another client at that moment: its
     * GETs then say 404 instead of 202 until its result is stored.
     */
    static Future<Void> publishMarked(Context context, PendingMarks pending, ContentKey key, Supplier<CompletionStage<?>> publish) {
        List<ContentKey> keys = List.of(key);
        Future<Void> marked = markPending(context, pending, keys);
        return Future.fromCompletionStage(publish.get(), context).transform(published -> published.succeeded() ? marked
                : marked.compose(done -> Future.fromCompletionStage(pending.unmarkPending(keys), context))
                        .transform(withdrawn -> {
                            if (withdrawn.failed()) {
                                LOG.warn("Refused {} but could not withdraw its pending mark: {}", key, withdrawn.cause().toString());
                            }
                            return Future.failedFuture(refusal(published.cause()));
                        }));
    }

    /**
     * Marks keys pending, and completes once the store answered (one pipelined command for a whole
     * chunk). Never fails: the requests are accepted whatever the store says, and a store that
     * does not answer now would not answer a GET either.
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
