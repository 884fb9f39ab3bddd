package io.statstream.benchmarks;

import io.statstream.model.AnalysisType;
import io.statstream.model.json.Json;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.statstream.model.result.ResultEnvelope;
import io.statstream.model.topic.ResultSignature;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;

/**
 * The worker's steps for one record of analysis-requests (a {@code ttest_independent} of 30
 * values), each alone, so that a regression in one shows: read (parse and validate), check the
 * key (hashing the record's bytes, as the worker does, beside writing the canonical form again,
 * as it did until session 3), compute, write the envelope, sign it (the sink checks the same
 * signature: the same cost again there); and the sink's one read of each envelope, its
 * {@code computed_at} (its result's time to live starts then).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar WorkerStepsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WorkerStepsBenchmark {
    private final RequestParser parser = new RequestParser(RequestLimits.DEFAULT);
    private final Engine engine = new Engine(Clock.systemUTC());
    private byte[] record;
    private AnalysisRequest request;
    private ContentKey key;
    private ResultEnvelope envelope;
    private byte[] envelopeJson;
    private final ResultSignature signature = new ResultSignature("a benchmark's signing key");

    @Setup
    public void prepare() {
        AnalysisRequest sample = SampleRequests.request(AnalysisType.TTEST_INDEPENDENT, 30, 42);
        CanonicalForm form = CanonicalForm.of(sample);
        record = form.jsonBytes();
        request = ((ParsedRequest.Valid) parser.parse(record)).request();
        key = form.key();
        envelope = engine.run(key, request);
        envelopeJson = Json.write(envelope);
    }

    @Benchmark
    public ParsedRequest read() {
        return parser.parse(record);
    }

    @Benchmark
    public ContentKey keyByHashingTheRecord() {
        return CanonicalForm.keyOf(record);
    }

    @Benchmark
    public ContentKey keyByWritingTheCanonicalFormAgain() {
        return CanonicalForm.of(request).key();
    }

    @Benchmark
    public ResultEnvelope compute() {
        return engine.run(key, request);
    }

    @Benchmark
    public byte[] writeEnvelope() {
        return Json.write(envelope);
    }

    @Benchmark
    public Object readComputedAtInTheSink() {
        return ResultEnvelope.peekComputedAt(envelopeJson);
    }

    @Benchmark
    public Headers signEnvelope() {
        Headers headers = new RecordHeaders();
        signature.sign(record, envelopeJson, headers);
        return headers;
    }
}
