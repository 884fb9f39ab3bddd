package io.statstream.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.parsetools.JsonEventType;
import io.vertx.core.parsetools.JsonParser;
import io.vertx.core.streams.ReadStream;

/**
 * The items of {@code {"analyses":[...]}} as a stream, one JSON encoding per item, parsed as the
 * body arrives: only the current item is held in memory, never the whole array, and no more than
 * {@code maxItemBytes} of it (counted to within one network read), as NDJSON lines are bounded.
 */
final class JsonBatchItems implements ReadStream<Buffer> {
    static final String ITEMS_FIELD = "analyses";

    private final ReadStream<Buffer> body;
    private final JsonParser parser = JsonParser.newParser();
    private final int maxItemBytes;
    private Handler<Buffer> itemHandler;
    private Handler<Throwable> exceptionHandler;
    private int depth;
    private boolean inItems;
    private boolean paused;
    private long bytesSinceItem;

    JsonBatchItems(ReadStream<Buffer> body, int maxItemBytes) {
        this.body = body;
        this.maxItemBytes = maxItemBytes;
        parser.handler(event -> {
            if (inItems) {
                if (event.type() == JsonEventType.END_ARRAY) {
                    inItems = false;
                    parser.objectEventMode().arrayEventMode();
                    depth--;
                } else if (itemHandler != null) {
                    bytesSinceItem = 0;
                    itemHandler.handle(Json.encodeToBuffer(event.value()));
                }
                return;
            }
            switch (event.type()) {
                case START_ARRAY -> {
                    depth++;
                    if (depth == 2 && ITEMS_FIELD.equals(event.fieldName())) {
                        // From here each element, object or not, arrives whole as one value.
                        inItems = true;
                        bytesSinceItem = 0;
                        parser.objectValueMode().arrayValueMode();
                    }
                }
                case START_OBJECT -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
        });
        // The parser holds a value until it is complete (an item, or any long string around the
        // array): count what it holds before handing it more.
        body.handler(buffer -> {
            bytesSinceItem += buffer.length();
            if (bytesSinceItem > maxItemBytes) {
                body.handler(ignored -> { });
                fail(new IllegalStateException("an item of the batch is longer than " + this.maxItemBytes + " bytes"));
                return;
            }
            parser.handle(buffer);
        });
        body.endHandler(end -> parser.end());
        body.exceptionHandler(this::fail);
        parser.exceptionHandler(this::fail);
    }

    private void fail(Throwable failure) {
        if (exceptionHandler != null) {
            exceptionHandler.handle(failure);
        }
    }

    @Override
    public JsonBatchItems exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public JsonBatchItems handler(Handler<Buffer> handler) {
        this.itemHandler = handler;
        return this;
    }

    @Override
    public JsonBatchItems pause() {
        paused = true;
        parser.pause(); // the items of the buffer already read wait too
        body.pause();
        return this;
    }

    @Override
    public JsonBatchItems resume() {
        return fetch(Long.MAX_VALUE);
    }

    /**
     * Asks for more items. The parser first hands over those it already holds, and the item
     * handler may pause again meanwhile (a chunk filled up): the body is read on only if not.
     */
    @Override
    public JsonBatchItems fetch(long amount) {
        paused = false;
        parser.fetch(amount);
        if (!paused) {
            body.resume();
        }
        return this;
    }

    @Override
    public JsonBatchItems endHandler(Handler<Void> endHandler) {
        parser.endHandler(endHandler); // after the parser's last event, which follows the body's end
        return this;
    }
}
