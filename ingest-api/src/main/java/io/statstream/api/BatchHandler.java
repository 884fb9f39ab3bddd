package io.statstream.api;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.RequestParser;
import io.statstream.store.ResultStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * POST /v1/analyses/batch: up to {@value #MAX_ITEMS} requests as NDJSON or as
 * {@code {"analyses":[...]}}, read as the body streams in. Every {@value #CHUNK_SIZE} items the body
 * is paused while the chunk is validated and keyed off the event loop, its new keys are looked up
 * in one MGET, and the missing ones are handed to the producer. One bad item never sinks the batch.
 * The answer comes once the broker acknowledged every accepted item, and lists each item's state
 * in input order; an item the broker did not acknowledge is "failed", never "pending".
 */
final class BatchHandler implements Handler<RoutingContext> {
    static final int MAX_ITEMS = 100_000;
    static final String NDJSON = "application/x-ndjson";
    private static final int CHUNK_SIZE = 1_000;

    private final RequestParser parser;
    private final ResultStore store;
    private final RequestPublisher publisher;
    private final int maxItemBytes;

    BatchHandler(RequestParser parser, ResultStore store, RequestPublisher publisher, int maxItemBytes) {
        this.parser = parser;
        this.store = store;
        this.publisher = publisher;
        this.maxItemBytes = maxItemBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ReadStream<Buffer> items = NDJSON.equals(ctx.parsedHeaders().contentType().value())
                ? RecordParser.newDelimited("\n", request).maxRecordSize(maxItemBytes)
                : new JsonBatchItems(request);
        BatchItems batch = new BatchItems(MAX_ITEMS);
        List<Future<Void>> acknowledgements = new ArrayList<>();

        items.exceptionHandler(e -> ctx.fail(new ApiException(ApiError.INVALID_REQUEST, "the batch could not be read: " + e.getMessage())));
        items.handler(item -> {
            if (isBlank(item)) {
                return;
            }
            batch.add(item.getBytes());
            if (batch.buffered() >= CHUNK_SIZE) {
                items.pause(); // back-pressure: the client's upload waits while this chunk is handled
                handleChunk(ctx, batch, acknowledgements)
                        .onSuccess(v -> items.resume())
                        .onFailure(ctx::fail);
            }
        });
        items.endHandler(end -> handleChunk(ctx, batch, acknowledgements)
                // join waits for every acknowledgement, failed ones included: each item says which it got
                .compose(v -> Future.join(acknowledgements).transform(settled -> ctx.vertx().executeBlocking(batch::render)))
                .compose(body -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(body)))
                .onFailure(ctx::fail));
        items.resume(); // the router paused the request until a handler was ready to read it
    }

    private Future<Void> handleChunk(RoutingContext ctx, BatchItems batch, List<Future<Void>> acknowledgements) {
        return ctx.vertx().executeBlocking(() -> batch.readChunk(parser))
                .compose(fresh -> lookUp(ctx, fresh)
                        .map(stored -> {
                            List<CanonicalForm> toPublish = new ArrayList<>();
                            for (int i = 0; i < fresh.size(); i++) {
                                if (stored.get(i).isPresent()) {
                                    batch.state(fresh.get(i).key(), BatchItems.KeyState.STORED);
                                } else {
                                    batch.state(fresh.get(i).key(), BatchItems.KeyState.PUBLISHING);
                                    toPublish.add(fresh.get(i));
                                }
                            }
                            acknowledgements.addAll(publish(ctx, batch, toPublish));
                            return null;
                        }));
    }

    private Future<List<Optional<byte[]>>> lookUp(RoutingContext ctx, List<CanonicalForm> fresh) {
        List<ContentKey> keys = fresh.stream().map(CanonicalForm::key).toList();
        return Future.fromCompletionStage(store.getAll(keys), ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(new ApiException(ApiError.STORE_UNAVAILABLE, e.toString(), e)));
    }

    private List<Future<Void>> publish(RoutingContext ctx, BatchItems batch, List<CanonicalForm> forms) {
        List<CompletionStage<Void>> acks = publisher.publishAll(forms);
        List<Future<Void>> settled = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            ContentKey key = forms.get(i).key();
            settled.add(Future.fromCompletionStage(acks.get(i), ctx.vertx().getOrCreateContext())
                    .onSuccess(v -> {
                        batch.state(key, BatchItems.KeyState.PENDING);
                        store.markPending(key);
                    })
                    .onFailure(e -> batch.failed(key, "not acknowledged by the broker: " + e.getMessage())));
        }
        return settled;
    }

    private static boolean isBlank(Buffer item) {
        for (int i = 0; i < item.length(); i++) {
            byte b = item.getByte(i);
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
