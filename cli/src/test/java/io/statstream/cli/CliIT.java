package io.statstream.cli;

import io.statstream.launcher.LocalPipeline;
import io.statstream.model.AnalysisType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line client run as a person runs it: the built jar, as a process, against the local pipeline. */
class CliIT {
    private static final Path JAR = Path.of("target", "statstream-cli.jar");
    private static LocalPipeline pipeline;

    @TempDir
    Path work;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"));
    }

    @AfterAll
    static void stopPipeline() {
        pipeline.close();
    }

    record Run(int exit, String out, String err) {
    }

    @Test
    void everyCommandHasHelp() throws Exception {
        for (String command : List.of("submit", "get", "wait", "warm")) {
            Run help = run(command, "--help");
            assertEquals(0, help.exit(), help.err());
            assertTrue(help.out().contains("Usage: statstream " + command), help.out());
        }
        assertTrue(run("--help").out().contains("submit"));
    }

    @Test
    void submitThenWaitThenGetThenWarm() throws Exception {
        long run = System.nanoTime();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(i % 100 == 7
                    ? "{\"type\":\"descriptive\",\"data\":[]}"
                    : "{\"type\":\"descriptive\",\"data\":[" + run + "," + (i % 150) + ",2,3]}");
        }
        Path requests = Files.write(work.resolve("requests.ndjson"), lines, StandardCharsets.UTF_8);
        Path keys = work.resolve("keys.txt");

        Run submit = run("submit", requests.toString(), "--keys", keys.toString(), "--chunk", "64");
        assertEquals(0, submit.exit(), submit.err());
        List<String> keyLines = Files.readAllLines(keys);
        assertEquals(200, keyLines.size());
        assertEquals(2, keyLines.stream().filter(line -> line.endsWith("rejected")).count());
        assertTrue(submit.err().contains("2 rejected"), submit.err());

        Path results = work.resolve("results.ndjson");
        Run wait = run("wait", keys.toString(), "--out", results.toString(), "--timeout", "60");
        assertEquals(0, wait.exit(), wait.err());
        List<String> resultLines = Files.readAllLines(results);
        assertEquals(keyLines.stream().filter(line -> !line.endsWith("rejected")).map(line -> line.split(" ")[0]).distinct().count(),
                resultLines.size());
        assertTrue(resultLines.get(0).contains("\"status\":\"done\""), resultLines.get(0));

        Run get = run("get", keyLines.get(0).split(" ")[0]);
        assertEquals(0, get.exit(), get.err());
        assertTrue(get.out().contains("\"result\""), get.out());

        Run warm = run("warm", requests.toString());
        assertEquals(0, warm.exit(), warm.err());
        // Counts are of lines: the 198 valid lines, duplicates included, are all warm.
        assertTrue(warm.out().contains("read 200, already warm 198, published 0, rejected 2"), warm.out());

        Run top = run("warm", "--top", "5");
        assertEquals(0, top.exit(), top.err());
        assertTrue(top.out().startsWith("read 5, already warm 5"), top.out());
    }

    @Test
    void everyAnalysisTypeGoesThroughSubmitAndWait() throws Exception {
        List<String> lines = new ArrayList<>();
        for (AnalysisType type : AnalysisType.values()) {
            lines.add(type.sample(30, System.nanoTime()).toString());
        }
        Path requests = Files.write(work.resolve("every-type.ndjson"), lines, StandardCharsets.UTF_8);
        Path keys = work.resolve("every-type-keys.txt");
        Run submit = run("submit", requests.toString(), "--keys", keys.toString());
        assertEquals(0, submit.exit(), submit.err());
        Path results = work.resolve("every-type-results.ndjson");
        Run wait = run("wait", keys.toString(), "--out", results.toString(), "--timeout", "60");
        assertEquals(0, wait.exit(), wait.err());
        List<String> resultLines = Files.readAllLines(results);
        assertEquals(AnalysisType.values().length, resultLines.size());
        for (AnalysisType type : AnalysisType.values()) {
            assertTrue(resultLines.stream().anyMatch(line -> line.contains("\"type\":\"" + type.wireName() + "\"")
                    && line.contains("\"status\":\"done\"")), type + " in " + resultLines);
        }
    }

    @Test
    void whatAPersonCanActOnIsOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Run get = run("get", "0".repeat(64), "--url", "http://127.0.0.1:" + closedPort + "/");
        assertEquals(1, get.exit(), get.err());
        assertEquals("statstream: cannot reach statstream at http://127.0.0.1:" + closedPort + "/: connection refused",
                get.err().strip());

        Path missing = work.resolve("missing.ndjson");
        Run submit = run("submit", missing.toString());
        assertEquals(1, submit.exit(), submit.err());
        assertEquals("statstream: no such file: " + missing, submit.err().strip());

        Run refused = run("warm", "--top", "20000");
        assertEquals(1, refused.exit(), refused.err());
        assertEquals("statstream: the warming was refused (400): top must be a whole number from 1 to 10000, got \"20000\"",
                refused.err().strip());
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        if (args.length > 0 && !args[args.length - 1].equals("--help") && !args[0].equals("--help") && !List.of(args).contains("--url")) {
            command.addAll(List.of("--url", pipeline.apiUri().toString()));
        }
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "statstream " + String.join(" ", args) + " did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
