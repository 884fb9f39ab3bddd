package io.statstream.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestParser;
import io.statstream.model.request.Violation;
import io.statstream.store.HotKeys.Counted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One batch's items as they are read: each item's outcome by index, and one state per distinct
 * key, so that a key sent many times in a batch is looked up and published once. Chunks are read
 * one after another; only the key states are shared with acknowledgements arriving meanwhile.
 * Long because it also writes the answer, streamed item by item: the states and their rendering
 * change together.
 */
final class BatchItems {
    enum KeyState { LOOKING_UP, STORED, WARM, PUBLISHING, PENDING, FAILED }

    /** What a chunk held: the keys new to this batch, and every valid request with how often it came. */
    record Chunk(List<CanonicalForm> fresh, Map<ContentKey, Counted> requests) {
    }

    /** An item's outcome: the reasons it was rejected, or the key whose state it shares. */
    private record Outcome(ContentKey key, List<Violation> violations) {
    }

    /**
     * Rejected items whose every violation is kept; later ones keep their first violation's field
     * and code only, so a batch of 100,000 bad items holds kilobytes of reasons, not megabytes.
     */
    static final int DETAILED_REJECTIONS = 1_000;
    private static final String SEE_EARLIER = "rejected; every reason is given for the first " + DETAILED_REJECTIONS
            + " rejected items of a batch only";

    private final int maxItems;
    private final List<Outcome> outcomes = new ArrayList<>();
    private int rejected;
    // Written by the chunk reader (a worker thread) and by acknowledgements (the event loop) at once.
    private final Map<ContentKey, KeyState> states = new ConcurrentHashMap<>();
    private final Map<ContentKey, String> failures = new ConcurrentHashMap<>();
    private List<byte[]> chunk = new ArrayList<>();
    private long bufferedBytes;
    private long bytesRead;

    BatchItems(int maxItems) {
        this.maxItems = maxItems;
    }

    /** Buffers an item; false (and nothing buffered) once the batch is over its size. */
    boolean add(byte[] item) {
        if (outcomes.size() + chunk.size() >= maxItems) {
            return false;
        }
        chunk.add(item);
        bufferedBytes += item.length;
        bytesRead += item.length;
        return true;
    }

    /** Bytes of the items read so far, separators not counted. */
    long bytesRead() {
        return bytesRead;
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    /** Items read so far, in chunks and buffered: the index the next one will have. */
    int itemsRead() {
        return outcomes.size() + chunk.size();
    }

    int buffered() {
        return chunk.size();
    }

    /**
     * Reads the buffered items in order: validates, keys, and returns the requests whose key this
     * batch has not seen before. CPU work: run it off the event loop.
     */
    Chunk readChunk(RequestParser parser) {
        List<byte[]> items = chunk;
        chunk = new ArrayList<>();
        bufferedBytes = 0;
        List<CanonicalForm> fresh = new ArrayList<>();
        Map<ContentKey, Counted> requests = new LinkedHashMap<>();
        for (byte[] item : items) {
            ParsedRequest parsed = parser.parse(item);
            if (parsed instanceof ParsedRequest.Invalid invalid) {
                outcomes.add(new Outcome(null, rejected++ < DETAILED_REJECTIONS ? invalid.violations() : briefly(invalid)));
                continue;
            }
            CanonicalForm form = CanonicalForm.of(((ParsedRequest.Valid) parsed).request());
            outcomes.add(new Outcome(form.key(), List.of()));
            requests.merge(form.key(), new Counted(form, 1), (a, b) -> new Counted(a.form(), a.count() + 1));
            if (states.putIfAbsent(form.key(), KeyState.LOOKING_UP) == null) {
                fresh.add(form);
            }
        }
        return new Chunk(fresh, requests);
    }

    private static List<Violation> briefly(ParsedRequest.Invalid invalid) {
        Violation first = invalid.violations().get(0);
        return List.of(new Violation(first.field(), first.code(), SEE_EARLIER));
    }

    KeyState stateOf(ContentKey key) {
        return states.get(key);
    }

    void state(ContentKey key, KeyState state) {
        states.put(key, state);
    }

    /** Whether any item was taken: answered from the store, skipped as warm, or published. */
    boolean anyAnswered() {
        return states.values().stream().anyMatch(state -> state == KeyState.STORED || state == KeyState.WARM
                || state == KeyState.PENDING);
    }

    void failed(ContentKey key, String reason) {
        states.put(key, KeyState.FAILED);
        failures.put(key, reason);
    }

    /** The response: a summary, then every item in input order with its key and state. */
    byte[] render() {
        int stored = 0;
        int warm = 0;
        int pending = 0;
        int rejected = 0;
        int failed = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.key() == null) {
                rejected++;
            } else {
                switch (states.get(outcome.key())) {
                    case STORED -> stored++;
                    case WARM -> warm++;
                    case PENDING -> pending++;
                    default -> failed++;
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + outcomes.size() * 100);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("items", outcomes.size());
            json.writeNumberField("distinct_keys", states.size());
            json.writeNumberField("done", stored);
            json.writeNumberField("already_warm", warm);
            json.writeNumberField("pending", pending);
            json.writeNumberField("published", states.values().stream().filter(KeyState.PENDING::equals).count());
            json.writeNumberField("rejected", rejected);
            json.writeNumberField("failed", failed);
            json.writeEndObject();
            json.writeArrayFieldStart("items");
            for (int i = 0; i < outcomes.size(); i++) {
                writeItem(json, i, outcomes.get(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private void writeItem(JsonGenerator json, int index, Outcome outcome) throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", index);
        if (outcome.key() == null) {
            json.writeStringField("state", "rejected");
            json.writeArrayFieldStart("errors");
            for (Violation violation : outcome.violations()) {
                json.writeStartObject();
                json.writeStringField("field", violation.field());
                json.writeStringField("code", violation.code().wireName());
                json.writeStringField("message", violation.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            json.writeStringField("key", outcome.key().hex());
            KeyState state = states.get(outcome.key());
            switch (state) {
                case STORED -> {
                    json.writeStringField("state", "done");
                    json.writeBooleanField("cache_hit", true);
                }
                case WARM -> json.writeStringField("state", "warm");
                case PENDING -> json.writeStringField("state", "pending");
                default -> {
                    // Not acknowledged by the broker: this item was NOT accepted; send it again.
                    json.writeStringField("state", "failed");
                    json.writeStringField("error", failures.getOrDefault(outcome.key(), "not acknowledged"));
                }
            }
        }
        json.writeEndObject();
    }
}
