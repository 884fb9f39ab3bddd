package io.statstream.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.parsetools.JsonEventType;
import io.vertx.core.parsetools.JsonParser;
import io.vertx.core.streams.ReadStream;

/**
 * The items of {@code {"analyses":[...]}} as a stream, one JSON encoding per item, parsed as the
 * body arrives: only the current item is held in memory, never the whole array.
 */
final class JsonBatchItems implements ReadStream<Buffer> {
    static final String ITEMS_FIELD = "analyses";

    private final JsonParser parser;
    private Handler<Buffer> itemHandler;
    private int depth;
    private boolean inItems;

    JsonBatchItems(ReadStream<Buffer> body) {
        this.parser = JsonParser.newParser(body);
        parser.handler(event -> {
            if (inItems) {
                if (event.type() == JsonEventType.END_ARRAY) {
                    inItems = false;
                    parser.objectEventMode().arrayEventMode();
                    depth--;
                } else if (itemHandler != null) {
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
                        parser.objectValueMode().arrayValueMode();
                    }
                }
                case START_OBJECT -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
        });
    }

    @Override
    public JsonBatchItems exceptionHandler(Handler<Throwable> handler) {
        parser.exceptionHandler(handler);
        return this;
    }

    @Override
    public JsonBatchItems handler(Handler<Buffer> handler) {
        this.itemHandler = handler;
        return this;
    }

    @Override
    public JsonBatchItems pause() {
        parser.pause();
        return this;
    }

    @Override
    public JsonBatchItems resume() {
        parser.resume();
        return this;
    }

    @Override
    public JsonBatchItems fetch(long amount) {
        parser.fetch(amount);
        return this;
    }

    @Override
    public JsonBatchItems endHandler(Handler<Void> endHandler) {
        parser.endHandler(endHandler);
        return this;
    }
}
