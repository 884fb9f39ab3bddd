package io.statstream.benchmarks;

import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;

/**
 * What the API pays per request before anything is published: parse and validate the bytes, then
 * write the canonical form and hash it. Run: {@code java -jar benchmarks/target/benchmarks.jar ContractBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContractBenchmark {
    @Param({"30", "10000"})
    public int n;

    private final RequestParser parser = new RequestParser(RequestLimits.DEFAULT);
    private byte[] body;

    @Setup
    public void prepare() {
        body = AnalysisType.TTEST_INDEPENDENT.sample(n, 42).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public ParsedRequest parse() {
        return parser.parse(body);
    }

    @Benchmark
    public CanonicalForm parseAndKey() {
        return CanonicalForm.of(((ParsedRequest.Valid) parser.parse(body)).request());
    }
}
