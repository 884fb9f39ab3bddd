package io.statstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.statstream.api.access.AccessControl;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.Violation;
import io.statstream.model.request.ViolationCode;
import io.statstream.store.PendingMarks;
import io.statstream.store.Results;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /v1/analyses/lookup[?wait=5s] with {@code {"keys":[...]}}: every key's state and result
 * from two MGETs sent together (results and pending marks), one round trip whatever the number of
 * keys. With {@code wait}, answers when every key has a result or the wait ends. Longer than a
 * handler should be because its reply is streamed and bounded in size (the omitted results say so).
 */
final class LookupHandler implements Handler<RoutingContext> {
    static final int MAX_KEYS = 10_000;
    /** Room for {@link #MAX_KEYS} keys with generous whitespace: a larger body is refused before it is parsed. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Results results;
    private final PendingMarks pending;
    private final ResultWaiters waiters;
    private final long maxReplyBytes;

    /**
     * @param maxReplyBytes results written into one reply at most; the keys past it answer
     *     {@code done} with {@code "omitted":true} (read them by key, or in a smaller lookup)
     */
    LookupHandler(Results results, PendingMarks pending, ResultWaiters waiters, long maxReplyBytes) {
        this.results = results;
        this.pending = pending;
        this.waiters = waiters;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<ContentKey> keys = keys(ctx.body().buffer());
        Optional<Duration> wait = WaitParameter.parse(ctx.request().getParam("wait"));
        Future<Void> waited = wait.isEmpty() ? Future.succeededFuture()
                : read(ctx, keys).compose(first -> awaitMissing(ctx, keys, first, wait.get())).mapEmpty();
        waited.compose(v -> {
                    // Both commands are written before either reply is read: one round trip. Marks
                    // first: the sink stores a result before it ends the mark, so a key whose mark
                    // is gone by the first read shows its result in the second, never "unknown".
                    Future<List<Boolean>> marks = Future.fromCompletionStage(pending.pendingAll(keys), ctx.vertx().getOrCreateContext());
                    Future<List<Optional<byte[]>>> stored = read(ctx, keys);
                    return Future.all(stored, marks).compose(both -> answer(ctx, keys, stored.result(), marks.result()));
                })
                .recover(e -> Future.failedFuture(ApiException.storeUnavailable(e)))
                .onFailure(ctx::fail);
    }

    /**
     * Parks the keys the first read did not find, reads once more (a result stored in between
     * would otherwise be missed), and waits only for those still missing.
     */
    private Future<List<Optional<byte[]>>> awaitMissing(RoutingContext ctx, List<ContentKey> keys,
                                                        List<Optional<byte[]>> first, Duration wait) {
        List<ContentKey> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (first.get(i).isEmpty()) {
                missing.add(keys.get(i)); // distinct: a lookup repeats no key
            }
        }
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
        return read(ctx, keys).compose(second -> {
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
            return stillMissing.isEmpty() ? Future.succeededFuture(second)
                    : Future.join(stillMissing).transform(woken -> read(ctx, keys));
        });
    }

    private Future<List<Optional<byte[]>>> read(RoutingContext ctx, List<ContentKey> keys) {
        return Future.fromCompletionStage(results.getAll(keys), ctx.vertx().getOrCreateContext());
    }

    private Future<Void> answer(RoutingContext ctx, List<ContentKey> keys, List<Optional<byte[]>> results, List<Boolean> pending) {
        StringBuilder body = new StringBuilder(64 + 160 * keys.size()).append("{\"results\":[");
        int done = 0;
        int omitted = 0;
        int pendingCount = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"key\":\"").append(keys.get(i).hex()).append("\",\"state\":\"");
            if (results.get(i).isPresent() && body.length() + results.get(i).get().length > maxReplyBytes) {
                body.append("done\",\"omitted\":true");
                done++;
                omitted++;
            } else if (results.get(i).isPresent()) {
                // The stored envelope is JSON already: written as it is, not parsed again.
                body.append("done\",\"result\":").append(new String(results.get(i).get(), StandardCharsets.UTF_8));
                done++;
            } else if (pending.get(i)) {
                body.append("pending\"");
                pendingCount++;
            } else {
                body.append("unknown\"");
            }
            body.append('}');
        }
        body.append("],\"summary\":{\"keys\":").append(keys.size()).append(",\"done\":").append(done)
                .append(",\"pending\":").append(pendingCount)
                .append(",\"unknown\":").append(keys.size() - done - pendingCount);
        if (omitted > 0) {
            body.append(",\"omitted\":").append(omitted);
        }
        body.append("}}");
        return ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
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
