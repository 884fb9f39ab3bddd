package io.statstream.model.topic;

import io.statstream.model.json.Json;
import io.statstream.model.result.ResultEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/** A result envelope as its JSON, the same bytes the store keeps and the API serves. */
public final class ResultEnvelopeSerde implements Serde<ResultEnvelope> {
    @Override
    public Serializer<ResultEnvelope> serializer() {
        return (topic, envelope) -> envelope == null ? null : Json.write(envelope);
    }

    @Override
    public Deserializer<ResultEnvelope> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return Json.read(bytes, ResultEnvelope.class);
            } catch (IOException e) {
                throw new SerializationException("not a result envelope on " + topic, e);
            }
        };
    }
}
