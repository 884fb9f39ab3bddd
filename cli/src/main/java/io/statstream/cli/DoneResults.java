package io.statstream.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The done results of a lookup reply, each as the bytes the server wrote: read with a streaming
 * parser over the reply's bytes and located in them, not built into trees and written out again
 * (which was most of {@code wait}'s time, and rewrote every number), nor decoded into text and
 * encoded back (a tenth to a fifth of its CPU).
 */
final class DoneResults {
    private DoneResults() {
    }

    /** A done result: its key, and where its JSON lies in the reply, {@code reply[start, end)}. */
    @FunctionalInterface
    interface Each {
        void accept(String key, int start, int end) throws IOException;
    }

    /**
     * Calls {@code each} with the key and place of every entry of {@code reply} whose state is
     * {@code done} and whose result is in it (a result the server omitted for size is not: ask again).
     */
    static void forEach(byte[] reply, Each each) throws IOException {
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
                    entry(parser, each);
                }
            }
        }
    }

    private static void entry(JsonParser parser, Each each) throws IOException {
        String key = null;
        String state = null;
        int start = -1;
        int end = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "key" -> key = parser.getText();
                case "state" -> state = parser.getText();
                case "result" -> {
                    start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    end = (int) parser.currentLocation().getByteOffset();
                }
                default -> parser.skipChildren();
            }
        }
        if ("done".equals(state) && key != null && start >= 0) {
            each.accept(key, start, end);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("not a lookup reply: " + expected + " expected, found " + actual);
        }
    }
}
