package io.statstream.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.statstream.launcher.LocalPipeline;
import io.statstream.model.AnalysisType;
import io.statstream.model.key.CanonicalForm;
import io.statstream.model.key.ContentKey;
import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.topic.Topics;
import io.statstream.worker.engine.Engine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/**
 * Scenario 4: analyses per second from analysis-requests into the store, for an even mix of
 * types at n = 30 ({@link Mix}), written straight to the topic (the API is not measured here), after a
 * warm-up round of the same kind so that the JIT has compiled the path (in a cold run the compiler
 * threads took half the CPU). Beside it,
 * in the same run: the engine alone on the same requests, on one thread, which is what one
 * stream thread could do with no Kafka or Redis at all.
 */
@Command(name = "worker-throughput", mixinStandardHelpOptions = true,
        description = "Computed analyses per second end to end into the store, for a mix of types.")
final class WorkerThroughput implements Callable<Integer> {
    @Option(names = "--requests", defaultValue = "100000", description = "Measured requests (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "50000",
            description = "Requests sent and awaited first, while the JIT compiles the path (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** Which types the requests take in turn. */
    enum Mix {
        /** The nine types issue 12 was measured with (the first nine constants): comparable with its figures. */
        NINE(Arrays.copyOf(AnalysisType.values(), 9)),
        /** Every type, Tukey's HSD, Fisher's test and logistic regression among them: a costlier engine. */
        ALL(AnalysisType.values());

        private final AnalysisType[] types;

        Mix(AnalysisType[] types) {
            this.types = types;
        }
    }

    @Option(names = "--mix", defaultValue = "NINE", description = "NINE (issue 12's types, the default) or ALL.")
    Mix mix;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A setting for the pipeline, e.g. WORKER_THREADS=2.")
    Map<String, String> settings = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        long run = System.nanoTime();
        List<AnalysisRequest> warming = requests(mix, run, warmup);
        List<AnalysisRequest> analyses = requests(mix, run + warmup, requests);
        List<CanonicalForm> warmingForms = warming.stream().map(CanonicalForm::of).toList();
        List<CanonicalForm> forms = analyses.stream().map(CanonicalForm::of).toList();
        // Small chi-square tables can repeat; the worker computes each distinct key once, and a
        // key the warm-up stored is dropped as stored.
        Set<ContentKey> warmed = warmingForms.stream().map(CanonicalForm::key).collect(Collectors.toSet());
        long distinct = forms.stream().map(CanonicalForm::key).filter(key -> !warmed.contains(key)).distinct().count();
        warming.forEach(Engine::compute);
        long engineStarted = System.nanoTime();
        for (AnalysisRequest request : analyses) {
            Engine.compute(request);
        }
        double engineRate = requests / ((System.nanoTime() - engineStarted) / 1e9);

        settings.putIfAbsent("HTTP_PORT", "0");
        try (LocalPipeline pipeline = LocalPipeline.start(settings);
             KafkaProducer<ContentKey, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                     Topics.ANALYSIS_REQUESTS.keySerde().serializer(), Topics.ANALYSIS_REQUESTS.valueSerde().serializer())) {
            Counter stored = pipeline.registry().get("statstream.sink.stored").counter();
            sendAndAwait(producer, warmingForms, stored, warmed.size());
            ProcessCost before = ProcessCost.now();
            double rate = distinct / sendAndAwait(producer, forms, stored, distinct);
            ProcessCost cost = ProcessCost.now().since(before);

            Report report = new Report("worker-throughput")
                    .row("settings", settings.toString(), "mix " + mix)
                    .row("statstream: requests topic to store", String.format("%.0f analyses/s", rate),
                            distinct + " distinct requests, " + mix.types.length + " types in turn, n = 30, after " + warmup + " to warm up")
                    .row("ceiling: the engine alone, one thread", String.format("%.0f analyses/s", engineRate), "same requests, no I/O")
                    .row("statstream / engine", String.format("%.3f", rate / engineRate), "")
                    .row("cost per analysis", cost.describePer(distinct, "analysis"), "this JVM (the producer included) and Redis")
                    .figure("settings", settings).figure("mix", mix.toString()).figure("requests", requests).figure("analyses_per_second", rate)
                    .figure("engine_alone_per_second", engineRate).figure("ratio", rate / engineRate)
                    .figure("cpu_us_per_analysis", cost.cpuMicrosPer(distinct)).figure("wake_ups_per_analysis", cost.wakeUpsPer(distinct));
            report.print();
            report.write();
        }
        return 0;
    }

    private static List<AnalysisRequest> requests(Mix mix, long seed, int count) {
        AnalysisType[] types = mix.types;
        List<AnalysisRequest> analyses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            analyses.add(SampleRequests.request(types[i % types.length], 30, seed + i));
        }
        return analyses;
    }

    /** Writes the requests straight to the topic; returns the seconds until {@code distinct} more results were stored. */
    private static double sendAndAwait(KafkaProducer<ContentKey, byte[]> producer, List<CanonicalForm> forms,
                                       Counter stored, long distinct) throws InterruptedException {
        double before = stored.count();
        long started = System.nanoTime();
        for (CanonicalForm form : forms) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), form.key(), form.jsonBytes()));
        }
        producer.flush();
        while (stored.count() - before < distinct) {
            Thread.sleep(20); // a benchmark's clock, not a result poll: the counter is in this JVM
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
