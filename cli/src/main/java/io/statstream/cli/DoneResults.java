package io.statstream.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * The done results of a lookup reply, each as the JSON text the server wrote: read with a streaming
 * parser and cut out of the reply, not built into trees and written out again (which was most of
 * {@code wait}'s time, and rewrote every number).
 */
final class DoneResults {
    private DoneResults() {
    }

    /**
     * Calls {@code each} with the key and result of every entry of {@code reply} whose state is
     * {@code done} and whose result is in it (a result the server omitted for size is not: ask again).
     */
    static void forEach(String reply, BiConsumer<String, String> each) throws IOException {
        try (JsonParser parser = StatstreamClient.JSON.getFactory().createParser(reply)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("results")) {
                    parser.skipChildren();
                    continue;
                }
                expect(parser.currentToken(), JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    entry(parser, reply, each);
                }
            }
        }
    }

    private static void entry(JsonParser parser, String reply, BiConsumer<String, String> each) throws IOException {
        String key = null;
        String state = null;
        String result = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "key" -> key = parser.getText();
                case "state" -> state = parser.getText();
                case "result" -> {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    result = reply.substring(start, (int) parser.currentLocation().getCharOffset());
                }
                default -> parser.skipChildren();
            }
        }
        if ("done".equals(state) && key != null && result != null) {
            each.accept(key, result);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("not a lookup reply: " + expected + " expected, found " + actual);
        }
    }
}
