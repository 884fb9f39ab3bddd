package io.statstream.launcher;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python client's own tests (clients/python/tests, Python's unittest) run by the system's
 * python3 against this pipeline, live: every type, 10,000 through submit_many, errors, and the
 * offline key against the server's. Skipped without python3, except where CI is set.
 */
class PythonClientIT {
    private static final Path CLIENT = Path.of("").toAbsolutePath().getParent().resolve("clients/python");

    @Test
    void thePythonClientsTestsPassAgainstALivePipeline() throws Exception {
        String python = Prerequisites.onPath("python3").toString();
        try (LocalPipeline pipeline = LocalPipeline.start(Map.of("HTTP_PORT", "0"))) {
            ProcessBuilder tests = new ProcessBuilder(python, "-m", "unittest", "discover", "-s", "tests", "-v")
                    .directory(CLIENT.toFile())
                    .redirectErrorStream(true);
            tests.environment().put("STATSTREAM_URL", pipeline.apiUri().toString());
            tests.environment().put("PYTHONPATH", CLIENT.toString());
            Path log = Files.createTempFile("python-client", ".log");
            tests.redirectOutput(log.toFile());
            Process process = tests.start();
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the Python tests did not finish");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(!output.contains("skipped"), "no live test may be skipped here:\n" + output);
        }
    }
}
