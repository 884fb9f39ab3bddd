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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Scenario 4: analyses per second from analysis-requests into the store, for an even mix of the
 * nine types at n = 30, written straight to the topic (the API is not measured here). Beside it,
 * in the same run: the engine alone on the same requests, on one thread, which is what one
 * stream thread could do with no Kafka or Redis at all.
 */
@Command(name = "worker-throughput", mixinStandardHelpOptions = true,
        description = "Computed analyses per second end to end into the store, for a mix of types.")
final class WorkerThroughput implements Callable<Integer> {
    @Option(names = "--requests", defaultValue = "30000", description = "Requests (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() throws Exception {
        AnalysisType[] types = AnalysisType.values();
        long run = System.nanoTime();
        List<AnalysisRequest> analyses = new ArrayList<>(requests);
        List<CanonicalForm> forms = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            AnalysisRequest request = SampleRequests.request(types[i % types.length], 30, run + i);
            analyses.add(request);
            forms.add(CanonicalForm.of(request));
        }
        // Small chi-square tables can repeat; the worker computes each distinct key once.
        long distinct = forms.stream().map(CanonicalForm::key).distinct().count();
        long engineStarted = System.nanoTime();
        for (AnalysisRequest request : analyses) {
            Engine.compute(request);
        }
        double engineRate = requests / ((System.nanoTime() - engineStarted) / 1e9);

        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"))) {
            Counter stored = pipeline.registry().get("statstream.sink.stored").counter();
            double before = stored.count();
            long started = System.nanoTime();
            try (KafkaProducer<ContentKey, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                    Topics.ANALYSIS_REQUESTS.keySerde().serializer(), Topics.ANALYSIS_REQUESTS.valueSerde().serializer())) {
                for (CanonicalForm form : forms) {
                    producer.send(new ProducerRecord<>(Topics.ANALYSIS_REQUESTS.name(), form.key(), form.jsonBytes()));
                }
            }
            while (stored.count() - before < distinct) {
                Thread.sleep(20); // a benchmark's clock, not a result poll: the counter is in this JVM
            }
            double rate = distinct / ((System.nanoTime() - started) / 1e9);

            Report report = new Report("worker-throughput")
                    .row("statstream: requests topic to store", String.format("%.0f analyses/s", rate),
                            distinct + " distinct requests, the nine types in turn, n = 30, one stream thread")
                    .row("ceiling: the engine alone, one thread", String.format("%.0f analyses/s", engineRate), "same requests, no I/O")
                    .row("statstream / engine", String.format("%.3f", rate / engineRate), "")
                    .figure("requests", requests).figure("analyses_per_second", rate)
                    .figure("engine_alone_per_second", engineRate).figure("ratio", rate / engineRate);
            report.print();
            report.write();
        }
        return 0;
    }
}
