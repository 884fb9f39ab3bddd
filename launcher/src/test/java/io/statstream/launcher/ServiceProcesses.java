package io.statstream.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * statstream's services each in a JVM of its own, as an operator runs them, for tests that need
 * real processes: separate failure, {@code kill -9}. Only the processes this started are ever
 * signalled; closing stops those still alive with SIGTERM, as an operator would.
 */
final class ServiceProcesses implements AutoCloseable {
    private static final Path LOGS = Path.of("target", "it-logs");

    private final List<Process> started = new ArrayList<>();

    /** Starts {@code main} with these environment variables; its output goes to target/it-logs/{name}.log. */
    Process launch(Class<?> main, String name, Map<String, String> env) throws IOException {
        Files.createDirectories(LOGS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is closed, the group is not told. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
    }


    @Override
    public void close() throws InterruptedException {
        for (Process process : started) {
            process.destroy(); // SIGTERM: each service closes itself through its shutdown hook
        }
        for (Process process : started) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
