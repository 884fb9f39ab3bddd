package io.statstream.worker.topology;

import io.statstream.model.topic.DeadLetterHeaders;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestParser;
import io.statstream.model.topic.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a raw record of analysis-requests: the key must be a content key, the value a valid
 * request, and the key must be the one the value hashes to, since a wrong key would file the
 * result under another question. Anything else is rejected with headers saying why and where from.
 */
final class ReadRequest implements FixedKeyProcessor<byte[], byte[], InboundRequest> {
    private final RequestParser parser;
    private FixedKeyProcessorContext<byte[], InboundRequest> context;

    ReadRequest(RequestParser parser) {
        this.parser = parser;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], InboundRequest> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        Optional<ContentKey> key = ContentKey.parse(record.key());
        if (key.isEmpty()) {
            reject(record, key, "the record key is not a content key (64 lowercase hex digits)");
            return;
        }
        if (record.value() == null) {
            reject(record, key, "the record has no value");
            return;
        }
        ParsedRequest parsed = parser.parse(record.value());
        if (parsed instanceof ParsedRequest.Invalid invalid) {
            reject(record, key, "invalid request: " + invalid.violations().stream()
                    .map(v -> v.field() + " " + v.code().wireName() + ": " + v.message())
                    .limit(10)
                    .collect(Collectors.joining("; ")));
            return;
        }
        // The API publishes the canonical form it hashed, so hashing the bytes as they are checks
        // the key without writing the request out again (which took a tenth of the stream thread).
        ContentKey hashed = CanonicalForm.keyOf(record.value());
        if (!hashed.equals(key.get())) {
            reject(record, key, "key mismatch: the record key is " + key.get() + " but its value hashes to " + hashed
                    + " (published under another engine version, or not in canonical form)");
            return;
        }
        Header refresh = record.headers().lastHeader(Topics.REFRESH_HEADER);
        boolean refreshing = refresh != null && "true".equals(new String(refresh.value(), StandardCharsets.US_ASCII));
        Header client = record.headers().lastHeader(Topics.CLIENT_HEADER);
        String clientName = client == null || client.value() == null ? "" : new String(client.value(), StandardCharsets.UTF_8);
        context.forward(record.withValue(new InboundRequest.Accepted(hashed, ((ParsedRequest.Valid) parsed).request(), refreshing, clientName)));
    }

    private void reject(FixedKeyRecord<byte[], byte[]> record, Optional<ContentKey> key, String reason) {
        Headers headers = record.headers();
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        Optional<RecordMetadata> source = context.recordMetadata();
        source.ifPresent(metadata -> {
            headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(metadata.topic()));
            headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(metadata.partition())));
            headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(metadata.offset())));
        });
        context.forward(record.withValue(new InboundRequest.Rejected(reason, record.value(), key)).withHeaders(headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
