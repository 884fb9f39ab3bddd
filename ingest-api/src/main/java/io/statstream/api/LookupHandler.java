package io.statstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.access.AccessControl;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.Violation;
import io.statstream.model.request.ViolationCode;
import io.statstream.store.KeyState;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/analyses/lookup[?wait=5s] with {@code {"keys":[...]}}: every key's state and result
 * from {@link Results#states} (two MGETs sent together), one round trip whatever the number of
 * keys. With {@code wait}, answers when every key has a result or the wait ends. Longer than a handler should be because its reply is streamed and bounded in size
 * (the omitted results say so).
 */
final class LookupHandler implements Handler<RoutingContext> {
    static final int MAX_KEYS = 10_000;
    /** Room for {@link #MAX_KEYS} keys with generous whitespace: a larger body is refused before it is parsed. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Results results;
    private final ResultWaiters waiters;
    private final long maxReplyBytes;

    /**
     * @param maxReplyBytes results written into one reply at most; the keys past it answer
     *     {@code done} with {@code "omitted":true} (read them by key, or in a smaller lookup)
     */
    LookupHandler(Results results, ResultWaiters waiters, long maxReplyBytes) {
        this.results = results;
        this.waiters = waiters;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<ContentKey> keys = keys(ctx.body().buffer());
        Optional<Duration> wait = WaitParameter.parse(ctx.request().getParam("wait"));
        List<Optional<byte[]>> noneYet = Collections.nCopies(keys.size(), Optional.empty());
        Future<List<Optional<byte[]>>> found = wait.isEmpty() ? Future.succeededFuture(noneYet)
                : readMissing(ctx, noneYet, keys).compose(first -> awaitMissing(ctx, keys, first, wait.get()));
        found.compose(known -> states(ctx, known, missing(keys, known)))
                .compose(states -> answer(ctx, keys, states))
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .onFailure(ctx::fail);
    }

    /**
     * Parks the keys the first read did not find, reads them once more (a result stored in between
     * would otherwise be missed), and waits only for those still missing.
     */
    private Future<List<Optional<byte[]>>> awaitMissing(RoutingContext ctx, List<ContentKey> keys,
                                                        List<Optional<byte[]>> first, Duration wait) {
        List<ContentKey> missing = missing(keys, first);
        if (missing.isEmpty()) {
            return Future.succeededFuture(first);
        }
        List<ResultWaiters.Waiting> waitings = waiters.await(AccessControl.caller(ctx), missing, wait);
        // A client that goes away stops waiting: nothing parked outlives its connection.
        ctx.response().closeHandler(closed -> waitings.forEach(ResultWaiters.Waiting::cancel));
        Map<ContentKey, ResultWaiters.Waiting> parked = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            parked.put(missing.get(i), waitings.get(i));
        }
        return readMissing(ctx, first, missing).compose(second -> {
            List<Future<Void>> stillMissing = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                ResultWaiters.Waiting waiting = parked.remove(keys.get(i));
                if (waiting != null) {
                    if (second.get(i).isPresent()) {
                        waiting.cancel();
                    } else {
                        stillMissing.add(waiting.woken());
                    }
                }
            }
            // The answer reads what the wait brought.
            return stillMissing.isEmpty() ? Future.succeededFuture(second)
                    : Future.join(stillMissing).transform(woken -> Future.succeededFuture(second));
        });
    }

    /**
     * {@code known} with the results of its {@code missing} keys (those it lacks, in its order) read
     * from the store. A result found is not read again: a lookup of 10,000 keys read each of them up
     * to four times, and the results already there were most of Redis's work in a bulk's lookups
     * (BENCHMARKS.md, session 16).
     */
    private Future<List<Optional<byte[]>>> readMissing(RoutingContext ctx, List<Optional<byte[]>> known, List<ContentKey> missing) {
        if (missing.isEmpty()) {
            return Future.succeededFuture(known);
        }
        return Future.fromCompletionStage(results.getAll(missing), ctx.vertx().getOrCreateContext()).map(read -> {
            Iterator<Optional<byte[]>> readInOrder = read.iterator();
            List<Optional<byte[]>> merged = new ArrayList<>(known.size());
            for (Optional<byte[]> result : known) {
                merged.add(result.isPresent() ? result : readInOrder.next());
            }
            return merged;
        });
    }

    /** The keys {@code known} has no result for, in order. */
    private static List<ContentKey> missing(List<ContentKey> keys, List<Optional<byte[]>> known) {
        List<ContentKey> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (known.get(i).isEmpty()) {
                missing.add(keys.get(i)); // distinct: a lookup repeats no key
            }
        }
        return missing;
    }

    /** Every key's state: {@code known}'s results as they are, the {@code missing} keys' read in one call. */
    private Future<List<KeyState>> states(RoutingContext ctx, List<Optional<byte[]>> known, List<ContentKey> missing) {
        Future<List<KeyState>> read = missing.isEmpty() ? Future.succeededFuture(List.of())
                : Future.fromCompletionStage(results.states(missing), ctx.vertx().getOrCreateContext());
        return read.map(states -> {
            Iterator<KeyState> readInOrder = states.iterator();
            List<KeyState> merged = new ArrayList<>(known.size());
            for (Optional<byte[]> result : known) {
                merged.add(result.isPresent() ? new KeyState.Done(result.get()) : readInOrder.next());
            }
            return merged;
        });
    }

    private Future<Void> answer(RoutingContext ctx, List<ContentKey> keys, List<KeyState> states) {
        // Bytes throughout: a stored envelope is JSON already, written as it is (not decoded and encoded again).
        Buffer body = Buffer.buffer(64 + 160 * keys.size()).appendString("{\"results\":[");
        int done = 0;
        int omitted = 0;
        int pendingCount = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                body.appendByte((byte) ',');
            }
            body.appendString("{\"key\":\"").appendString(keys.get(i).hex()).appendString("\",\"state\":\"");
            KeyState state = states.get(i);
            if (state instanceof KeyState.Done result && body.length() + result.envelope().length > maxReplyBytes) {
                body.appendString("done\",\"omitted\":true");
                done++;
                omitted++;
            } else if (state instanceof KeyState.Done result) {
                body.appendString("done\",\"result\":").appendBytes(result.envelope());
                done++;
            } else if (state instanceof KeyState.Pending) {
                body.appendString("pending\"");
                pendingCount++;
            } else {
                body.appendString("unknown\"");
            }
            body.appendByte((byte) '}');
        }
        body.appendString("],\"summary\":{\"keys\":" + keys.size() + ",\"done\":" + done
                + ",\"pending\":" + pendingCount + ",\"unknown\":" + (keys.size() - done - pendingCount));
        if (omitted > 0) {
            body.appendString(",\"omitted\":" + omitted);
        }
        body.appendString("}}");
        return ctx.response().putHeader("Content-Type", "application/json").end(body);
    }

    private static List<ContentKey> keys(Buffer body) {
        JsonNode json;
        try {
            json = Json.readTree(body == null ? new byte[0] : body.getBytes());
        } catch (IOException e) {
            throw invalid(new Violation(Violation.ROOT, ViolationCode.MALFORMED_JSON, "is not valid JSON: " + e.getMessage()));
        }
        JsonNode keys = json == null ? null : json.get("keys");
        if (keys == null || !keys.isArray()) {
            throw invalid(new Violation("keys", ViolationCode.REQUIRED, "is required: an array of content keys"));
        }
        if (keys.size() > MAX_KEYS) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, "at most " + MAX_KEYS + " keys per lookup, got " + keys.size(),
                    List.of(new Violation("keys", ViolationCode.TOO_LARGE, "holds " + keys.size() + " keys; at most " + MAX_KEYS)));
        }
        List<ContentKey> parsed = new ArrayList<>(keys.size());
        Map<ContentKey, Integer> seenAt = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Optional<ContentKey> key = ContentKey.parse(keys.get(i).isTextual() ? keys.get(i).textValue() : null);
            int index = i;
            Integer first = key.map(k -> seenAt.putIfAbsent(k, index)).orElse(null);
            if (key.isPresent() && first == null) {
                parsed.add(key.get());
            } else if (key.isPresent() && violations.size() < 100) {
                violations.add(new Violation("keys[" + i + "]", ViolationCode.DUPLICATE, "repeats keys[" + first + "]"));
            } else if (violations.size() < 100) {
                violations.add(new Violation("keys[" + i + "]", ViolationCode.WRONG_TYPE, "is not a content key (64 lowercase hex digits)"));
            }
        }
        if (!violations.isEmpty()) {
            throw invalid(violations.toArray(Violation[]::new));
        }
        return parsed;
    }

    private static ApiException invalid(Violation... violations) {
        return new ApiException(ApiError.INVALID_REQUEST, violations.length + " problem(s) with the lookup", List.of(violations));
    }
}
