package io.statstream.launcher;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's run command, as a newcomer types it: the jar starts everything, answers, and stops on Ctrl-C. */
class LauncherJarIT {
    private static final Path JAR = Path.of("target", "statstream.jar");
    private static final Pattern READY = Pattern.compile("statstream is running at (http://\\S+)");

    @Test
    void theLauncherJarRunsThePipelineAndStopsCleanly() throws Exception {
        assertTrue(Files.exists(JAR), "mvn package builds " + JAR);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().put("HTTP_PORT", "0");
        Process launcher = builder.start();
        try {
            URI url = URI.create(awaitReadyLine(launcher).get(120, TimeUnit.SECONDS));
            ApiClient api = new ApiClient(url);
            ApiClient.Reply accepted = api.submit("{\"type\":\"descriptive\",\"data\":[1,2,3,4,5]}");
            assertEquals(202, accepted.status(), accepted.response().body());
            assertEquals(200, api.awaitResult(accepted.json().get("key").asText(), Duration.ofSeconds(60)).status());
        } finally {
            launcher.destroy(); // what Ctrl-C sends the JVM, in effect: SIGTERM/SIGINT run the shutdown hook
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop");
        }
    }

    /** Reads the launcher's output on a thread of its own and completes with the URL it prints. */
    private static CompletableFuture<String> awaitReadyLine(Process process) {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        url.complete(ready.group(1));
                    }
                }
                url.completeExceptionally(new AssertionError("the launcher exited before it was ready:\n" + output));
            } catch (Exception e) {
                url.completeExceptionally(e);
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        return url;
    }
}
