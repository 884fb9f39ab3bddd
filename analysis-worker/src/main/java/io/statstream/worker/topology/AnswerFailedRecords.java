package io.statstream.worker.topology;

import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.topic.ResultSignature;
import io.statstream.model.topic.Topics;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the worker does with a record whose processing threw (a defect, not the data: the engine
 * answers bad data itself): Kafka Streams logs it and dead-letters it as its own handler does, and
 * this handler adds a failed result under the record's content key, so the client that was told
 * "accepted" gets an answer instead of a wait that never ends.
 */
public final class AnswerFailedRecords extends LogAndContinueProcessingExceptionHandler {
    /** The Streams config entry holding the worker's {@code Optional<ResultSignature>}: results this writes are signed alike. */
    public static final String SIGNATURE_CONFIG = "statstream.result.signature";

    private final Engine engine = new Engine(Clock.systemUTC());
    private Optional<ResultSignature> signature = Optional.empty();

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object configured = configs.get(SIGNATURE_CONFIG);
        if (configured instanceof Optional<?> optional) {
            signature = (Optional<ResultSignature>) optional;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response logged = super.handleError(context, record, exception);
        Optional<ContentKey> key = ContentKey.parse(context.sourceRawKey());
        if (key.isEmpty()) {
            return logged;
        }
        ResultEnvelope failed = engine.refuse(key.get(), ResultEnvelope.peekType(context.sourceRawValue()),
                "internal error in the worker (" + exception.getClass().getSimpleName() + "); the operator has it as a dead letter");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(logged.deadLetterQueueRecords());
        ProducerRecord<byte[], byte[]> answer = new ProducerRecord<>(Topics.ANALYSIS_RESULTS.name(), context.sourceRawKey(),
                Json.write(failed));
        signature.ifPresent(signer -> signer.sign(answer.key(), answer.value(), answer.headers()));
        records.add(answer);
        return Response.resume(records);
    }
}
