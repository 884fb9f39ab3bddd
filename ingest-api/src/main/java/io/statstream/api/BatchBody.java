package io.statstream.api;

import io.statstream.model.request.Violation;
import io.statstream.model.request.ViolationCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.OptionalLong;

/**
 * Reads a batch body as it streams in, NDJSON or {@code {"analyses":[...]}}, into a
 * {@link BatchRun}: every {@value #CHUNK_SIZE} items (or {@link #CHUNK_BYTES}) the upload is
 * paused while the run handles the chunk, so what one call holds in memory is bounded whatever
 * the client sends. Too long an item, too many items or too many bytes: 413 naming the item.
 */
final class BatchBody {
    static final String NDJSON = "application/x-ndjson";
    private static final int CHUNK_SIZE = 1_000;
    /** A chunk also ends at this many bytes: what one chunk holds in memory is bounded, whatever its items' sizes. */
    private static final long CHUNK_BYTES = 4L * 1024 * 1024;

    private final int maxItemBytes;
    private final long maxBodyBytes;

    BatchBody(int maxItemBytes, long maxBodyBytes) {
        this.maxItemBytes = maxItemBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads the request's body into {@code run}, which answers once the body ended. */
    void read(RoutingContext ctx, BatchRun run) {
        HttpServerRequest request = ctx.request();
        OptionalLong length = ContentLength.of(request);
        if (length.isPresent() && length.getAsLong() > maxBodyBytes) {
            run.fail(tooLarge(Violation.ROOT, "a batch body holds at most " + maxBodyBytes + " bytes; this one says "
                    + length.getAsLong()));
            return;
        }
        boolean ndjson = NDJSON.equals(ctx.parsedHeaders().contentType().value());
        ReadStream<Buffer> items = ndjson
                ? RecordParser.newDelimited("\n", request).maxRecordSize(maxItemBytes)
                : new JsonBatchItems(request, maxItemBytes);
        // Problems name the item as the answer's "items" do, or as the JSON form's own array does.
        String itemsField = ndjson ? "items" : JsonBatchItems.ITEMS_FIELD;
        BatchItems batch = run.items();
        run.reading(items);
        items.exceptionHandler(e -> run.fail(e instanceof IllegalStateException // an item too long
                ? tooLarge(itemsField + "[" + batch.itemsRead() + "]", "the batch could not be read: " + e.getMessage())
                : new ApiException(ApiError.INVALID_REQUEST, "the batch could not be read: " + e.getMessage(),
                        List.of(new Violation(Violation.ROOT, ViolationCode.MALFORMED_JSON, e.getMessage())))));
        items.handler(item -> {
            if (isBlank(item) || run.failed()) {
                return;
            }
            if (item.length() > maxItemBytes) {
                // RecordParser enforces its maximum only on a record still without its delimiter: one
                // that arrived whole, newline included, in a single read passes it.
                run.fail(tooLarge(itemsField + "[" + batch.itemsRead() + "]",
                        "the batch could not be read: an item is longer than " + maxItemBytes + " bytes"));
                return;
            }
            if (!batch.add(item.getBytes())) {
                run.fail(tooLarge(itemsField, "a batch holds at most " + BatchRun.MAX_ITEMS + " requests"));
                return;
            }
            if (batch.bytesRead() > maxBodyBytes) {
                // Chunks read before were handled: their items stand, and sending them again costs nothing (same keys).
                run.fail(tooLarge(itemsField, "a batch body holds at most " + maxBodyBytes + " bytes"));
                return;
            }
            if (batch.buffered() >= CHUNK_SIZE || batch.bufferedBytes() >= CHUNK_BYTES) {
                items.pause(); // back-pressure: the client's upload waits while this chunk is handled
                run.nextChunk().onSuccess(v -> items.resume());
            }
        });
        items.endHandler(end -> run.finish());
        items.resume(); // the router paused the request until a handler was ready to read it
    }

    private static ApiException tooLarge(String field, String reason) {
        return new ApiException(ApiError.PAYLOAD_TOO_LARGE, reason, List.of(new Violation(field, ViolationCode.TOO_LARGE, reason)));
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
