package io.statstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a phase cost the machine: the CPU time of this JVM (the pipeline and the load generator)
 * and of the processes it started (Redis), and how many times their threads went to sleep and were
 * woken (voluntary context switches, from Linux's {@code /proc}; zero elsewhere). On a shared,
 * virtualized machine these are far steadier than latencies, and wake-ups are what a miss pays for
 * on a mostly idle box: each one costs a system call and a trip through the hypervisor.
 */
record ProcessCost(Duration cpu, long wakeUps) {
    private static final Path PROC = Path.of("/proc");

    static ProcessCost now() {
        List<ProcessHandle> processes = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).toList();
        Duration cpu = processes.stream().map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        long wakeUps = processes.stream().mapToLong(process -> wakeUps(process.pid())).sum();
        return new ProcessCost(cpu, wakeUps);
    }

    /** The cost from {@code before} until this one. */
    ProcessCost since(ProcessCost before) {
        return new ProcessCost(cpu.minus(before.cpu), wakeUps - before.wakeUps);
    }

    /** Microseconds of CPU per unit of work. */
    double cpuMicrosPer(long work) {
        return cpu.toNanos() / 1e3 / work;
    }

    double wakeUpsPer(long work) {
        return (double) wakeUps / work;
    }

    /** The row a report prints for it. */
    String describePer(long work, String unit) {
        return String.format("%.0f µs CPU, %.1f wake-ups per %s", cpuMicrosPer(work), wakeUpsPer(work), unit);
    }

    /** The sum over a process's threads; a thread that ended meanwhile is not counted. */
    private static long wakeUps(long pid) {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(ProcessCost::voluntarySwitches).sum();
        } catch (IOException e) {
            return 0; // the process ended
        }
    }

    private static long voluntarySwitches(Path thread) {
        try (Stream<String> lines = Files.lines(thread.resolve("status"))) {
            return lines.filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                    .findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0; // the thread ended
        }
    }
}
