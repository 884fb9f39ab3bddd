package io.statstream.model.key;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.statstream.model.json.Json;
import io.statstream.model.request.AnalysisRequest;

import java.io.IOException;

/**
 * Writes a request in RFC 8785 canonical form straight from its record: properties sorted by name
 * (UTF-16 code units, as {@link String#compareTo}), no whitespace, every number spelled by
 * {@link CanonicalNumber}. Strings need nothing beyond Jackson's escapes: a request's only strings
 * are the wire names of its enums, plain ASCII. {@code CanonicalJsonTest} holds it, byte for byte,
 * to a plain walk of the request's JSON tree over every analysis's samples, so a new analysis with a
 * field Jackson would write otherwise fails there.
 *
 * <p>Not through a JSON tree and a second walk, as until session 12: building and walking the tree
 * was more than half of what the API spent reading a batch.
 */
final class CanonicalJson {
    private static final ObjectWriter WRITER = Json.sharedConfiguration()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // A record's components are its creator's parameters; sorted first, they would come
            // before the "type" every request declares as a method.
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .addModule(new SimpleModule("canonical-numbers")
                    .addSerializer(double.class, new NumberSerializer<>(double.class))
                    .addSerializer(Double.class, new NumberSerializer<>(Double.class))
                    .addSerializer(double[].class, new NumbersSerializer()))
            .build()
            .writer();

    private CanonicalJson() {
    }

    static byte[] write(AnalysisRequest request) {
        try {
            return WRITER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalArgumentException("a request that cannot be written as JSON: " + request.type(), e);
        }
    }

    private static final class NumberSerializer<T extends Number> extends StdSerializer<T> {
        NumberSerializer(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeNumber(CanonicalNumber.format(value.doubleValue()));
        }
    }

    private static final class NumbersSerializer extends StdSerializer<double[]> {
        NumbersSerializer() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray(values, values.length);
            for (double value : values) {
                out.writeNumber(CanonicalNumber.format(value));
            }
            out.writeEndArray();
        }
    }
}
