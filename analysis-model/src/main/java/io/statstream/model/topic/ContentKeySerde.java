package io.statstream.model.topic;

import io.statstream.model.key.ContentKey;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/** A content key as its 64 hex characters in ASCII. */
public final class ContentKeySerde implements Serde<ContentKey> {
    @Override
    public Serializer<ContentKey> serializer() {
        return (topic, key) -> key == null ? null : key.hex().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Deserializer<ContentKey> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            String text = new String(bytes, StandardCharsets.US_ASCII);
            return ContentKey.parse(text).orElseThrow(
                    () -> new SerializationException("not a content key on " + topic + ": " + text));
        };
    }
}
