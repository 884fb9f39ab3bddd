package io.statstream.benchmarks;

import io.statstream.model.AnalysisType;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.result.AnalysisResult;
import io.statstream.worker.engine.Engine;
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

/**
 * The engine alone, per analysis type, on requests of about n values (see {@link SampleRequests}).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EngineBenchmark {
    /** No values: JMH then runs every constant, so a new analysis is measured without a change here. */
    @Param
    public AnalysisType type;

    @Param({"30", "10000"})
    public int n;

    private AnalysisRequest request;

    @Setup
    public void prepare() {
        request = SampleRequests.request(type, n, 42);
    }

    @Benchmark
    public AnalysisResult compute() {
        return Engine.compute(request);
    }
}
