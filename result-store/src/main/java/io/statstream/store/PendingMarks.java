package io.statstream.store;

import io.statstream.model.key.ContentKey;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * Which keys were accepted and have their results on the way: what makes a 202 differ from a 404.
 * {@link Results#states} reads them.
 */
public interface PendingMarks {

    /**
     * Records that the keys were accepted and their results are on the way, until their results
     * are stored (at most the pending time to live from now; a later acceptance extends it), all
     * in one round trip.
     */
    CompletionStage<Void> markPending(Collection<ContentKey> keys);

    /** Withdraws the marks of keys whose requests were not accepted after all, in one round trip. */
    CompletionStage<Void> unmarkPending(Collection<ContentKey> keys);
}
