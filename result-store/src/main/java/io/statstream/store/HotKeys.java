package io.statstream.store;

import io.statstream.model.key.CanonicalForm;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Which requests are common: a count per key and hour, and the canonical form of each counted
 * request, so that the hot set can be sent again (after a TTL lapse or an engine-version change)
 * before users ask for it.
 */
public interface HotKeys {
    /**
     * Requests whose canonical form is longer than this are counted but cannot be replayed from
     * history: forms are kept for days, so they must stay small (a few hundred values).
     */
    int MAX_REPLAYABLE_BYTES = 8 * 1024;
    /**
     * A request's form is kept for replay once it came this many times in an hour: keeping the
     * form of every distinct request would grow with every bulk of new analyses.
     */
    int REPLAYABLE_FROM = 2;
    /** The most requested keys an hour's counts keep; the rest are dropped, so counts stay bounded too. */
    int KEPT_PER_HOUR = 20_000;
    /** The largest top a replay may ask for. */
    int MAX_TOP = 10_000;
    /** How long counts and canonical forms are kept. */
    Duration RETENTION = Duration.ofDays(7);

    /** Requests for one key: how many came (at least one), and their canonical form. */
    record Counted(CanonicalForm form, long count) {
    }

    /** Counts the requests in the current hour, all keys together (one round trip). */
    CompletionStage<Void> record(Collection<Counted> requests);

    /** Counts {@code count} requests (at least one) for the form's key in the current hour. */
    default CompletionStage<Void> record(CanonicalForm form, long count) {
        return record(List.of(new Counted(form, count)));
    }

    /** The canonical JSON of the {@code n} most requested keys of the last {@code window}, most requested first. */
    CompletionStage<List<String>> top(int n, Duration window);
}
