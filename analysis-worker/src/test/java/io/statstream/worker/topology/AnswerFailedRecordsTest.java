package io.statstream.worker.topology;

import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.result.ResultStatus;
import io.statstream.model.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerFailedRecordsTest {
    private static final ContentKey KEY = new ContentKey("a".repeat(64));

    @Test
    void aRecordWhoseProcessingThrewIsDeadLetteredAndAnsweredWithAFailedResult() throws Exception {
        ProcessingExceptionHandler.Response response = handler().handleError(
                context(KEY.hex().getBytes(StandardCharsets.US_ASCII), "{\"type\":\"descriptive\",\"data\":[1,2]}"),
                new Record<>(null, null, 0), new IllegalStateException("a defect"));

        assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
        List<ProducerRecord<byte[], byte[]>> records = response.deadLetterQueueRecords();
        assertEquals(List.of(Topics.ANALYSIS_REQUESTS_DLQ.name(), Topics.ANALYSIS_RESULTS.name()),
                records.stream().map(ProducerRecord::topic).toList());
        ResultEnvelope answer = Json.read(records.get(1).value(), ResultEnvelope.class);
        assertEquals(KEY, answer.key());
        assertEquals(ResultStatus.FAILED, answer.status());
        assertEquals(AnalysisType.DESCRIPTIVE, answer.type());
        assertTrue(answer.error().contains("IllegalStateException"), answer.error());
    }

    @Test
    void aRecordWithoutAContentKeyIsOnlyDeadLettered() {
        ProcessingExceptionHandler.Response response = handler().handleError(
                context("not-a-key".getBytes(StandardCharsets.US_ASCII), "{}"), new Record<>(null, null, 0), new IllegalStateException());
        assertEquals(List.of(Topics.ANALYSIS_REQUESTS_DLQ.name()),
                response.deadLetterQueueRecords().stream().map(ProducerRecord::topic).toList());
    }

    private static AnswerFailedRecords handler() {
        AnswerFailedRecords handler = new AnswerFailedRecords();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ANALYSIS_REQUESTS_DLQ.name()));
        return handler;
    }

    private static ErrorHandlerContext context(byte[] key, String value) {
        return new ErrorHandlerContext() {
            private final Headers headers = new RecordHeaders();

            @Override
            public String topic() {
                return Topics.ANALYSIS_REQUESTS.name();
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 7;
            }

            @Override
            public Headers headers() {
                return headers;
            }

            @Override
            public String processorNodeId() {
                return "compute";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return key;
            }

            @Override
            public byte[] sourceRawValue() {
                return value.getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
