package io.statstream.store;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long each Redis command took until its whole reply was in, as a Prometheus histogram per
 * command and Redis node ({@code lettuce_command_completion_seconds}, what the dashboard reads).
 * Lettuce's own Micrometer recorder also timed the first byte of every reply, and computed
 * percentiles in the process for both timers: twice the work on Lettuce's I/O thread, which
 * carries every command of the service, for series nobody read.
 */
final class CommandCompletionTimers implements CommandLatencyRecorder {
    private final MeterRegistry registry;
    /**
     * By node, then command name: looked up on every command, so without building a key for it. By
     * name, not by keyword object, so that a keyword made per call still finds its one timer.
     */
    private final Map<SocketAddress, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    CommandCompletionTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword command,
                                     long firstResponseLatency, long completionLatency) {
        Map<String, Timer> byCommand = timers.get(remote);
        if (byCommand == null) {
            byCommand = timers.computeIfAbsent(remote, node -> new ConcurrentHashMap<>());
        }
        String name = command.name();
        Timer timer = byCommand.get(name);
        if (timer == null) {
            timer = byCommand.computeIfAbsent(name, commandName -> timer(remote, commandName));
        }
        timer.record(completionLatency, TimeUnit.NANOSECONDS);
    }

    private Timer timer(SocketAddress remote, String command) {
        return Timer.builder("lettuce.command.completion")
                .description("Time from sending a Redis command until its complete reply was received")
                .tag("command", command)
                .tag("remote", String.valueOf(remote))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    @Override
    public boolean isEnabled() {
        return true;
    }
}
