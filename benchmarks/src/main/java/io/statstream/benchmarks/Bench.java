package io.statstream.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * End-to-end scenarios on the local pipeline (real broker, real Redis), each measured beside the
 * ceiling of the part it stands on, in the same run. Prints a table and writes JSON under
 * {@code benchmarks/results/}. Run: {@code java -cp benchmarks/target/benchmarks.jar io.statstream.benchmarks.Bench --help}
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {CachedReads.class, BulkIngest.class, MissLatency.class, WorkerThroughput.class, HitRate.class, Dedup.class, RedisMemory.class, CommandLine.HelpCommand.class})
public final class Bench {
    public static void main(String[] args) {
        int exit = new CommandLine(new Bench()).execute(args);
        System.exit(exit);
    }
}
