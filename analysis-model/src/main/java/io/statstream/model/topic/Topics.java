package io.statstream.model.topic;

import io.statstream.model.key.ContentKey;
import io.statstream.model.result.ResultEnvelope;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/** Every topic statstream uses. No topic name is spelled anywhere else. */
public final class Topics {
    /** Key: the content key. Value: the request's canonical JSON. */
    public static final Topic<ContentKey, byte[]> ANALYSIS_REQUESTS =
            new Topic<>("analysis-requests", new ContentKeySerde(), Serdes.ByteArray());

    /**
     * Key: the content key. Value: the result envelope. Compacted: it is the durable record of
     * every result, from which the result store can be rebuilt.
     */
    public static final Topic<ContentKey, ResultEnvelope> ANALYSIS_RESULTS =
            new Topic<>("analysis-results", new ContentKeySerde(), new ResultEnvelopeSerde());

    /** Records of analysis-requests that could not be processed, with their original bytes and headers saying why. */
    public static final Topic<byte[], byte[]> ANALYSIS_REQUESTS_DLQ =
            new Topic<>(ANALYSIS_REQUESTS.name() + ".dlq", Serdes.ByteArray(), Serdes.ByteArray());

    /** Records of analysis-results the result sink would not store: not signed by the worker (see {@link ResultSignature}). */
    public static final Topic<byte[], byte[]> ANALYSIS_RESULTS_DLQ =
            new Topic<>(ANALYSIS_RESULTS.name() + ".dlq", Serdes.ByteArray(), Serdes.ByteArray());

    /**
     * A header of analysis-requests records: "true" asks the worker to compute even though a result
     * is stored, because it is about to expire (a cache-warming replay).
     */
    public static final String REFRESH_HEADER = "statstream.refresh";
    /**
     * A header of analysis-requests records: the name of the client whose submission was published
     * (never its key), so the worker can count computations per client.
     */
    public static final String CLIENT_HEADER = "statstream.client";

    public static final List<Topic<?, ?>> ALL = List.of(ANALYSIS_REQUESTS, ANALYSIS_RESULTS, ANALYSIS_REQUESTS_DLQ, ANALYSIS_RESULTS_DLQ);

    private Topics() {
    }
}
